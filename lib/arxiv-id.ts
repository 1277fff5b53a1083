/**
 * arXiv ids as HF uses them in paper paths: `2502.12345` (also four-digit suffixes `0704.0001`).
 * Kept free of Zod so the content script can use it without pulling the schema library in.
 */
export const ARXIV_ID_PATTERN = /^\d{4}\.\d{4,5}$/;
export const isArxivId = (value: unknown): value is string =>
  typeof value === 'string' && ARXIV_ID_PATTERN.test(value);

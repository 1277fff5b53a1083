import { ARXIV_ID_PATTERN } from '../arxiv-id';

const HF_ORIGIN = 'https://huggingface.co';
const PAPER_PATH = /^\/papers\/(\d{4}\.\d{4,5})$/;

/**
 * The arXiv id a link points to, when it is a paper link; else null.
 * Parsed against the HF origin so relative and absolute forms agree; a hash (`#community`) means
 * the comments link, which must not count as a second paper link.
 */
export function paperIdFromHref(href: string | null | undefined): string | null {
  if (!href) return null;
  const trimmed = href.trim();
  // The form HF writes (`/papers/2511.01234`) parses to itself: no URL object for it (a
  // 1,000-card page has thousands of links, and building URLs was a third of parsing them).
  const plain = PAPER_PATH.exec(trimmed)?.[1];
  if (plain !== undefined) return ARXIV_ID_PATTERN.test(plain) ? plain : null;
  if (!trimmed.startsWith('/papers/') && !trimmed.startsWith(`${HF_ORIGIN}/papers/`)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, HF_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== HF_ORIGIN || url.hash !== '') return null;
  const id = PAPER_PATH.exec(url.pathname)?.[1];
  return id !== undefined && ARXIV_ID_PATTERN.test(id) ? id : null;
}

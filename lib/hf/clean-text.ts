/** arXiv titles and abstracts, and card titles in the DOM, carry hard line breaks: fold the whitespace. Empty → undefined. */
export const cleanText = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

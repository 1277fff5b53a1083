/** Turn a builder's HTML into a happy-dom Document, as the content script would see the page. */
export function toDocument(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

export const hfUrl = (path: string) => new URL(`https://huggingface.co${path}`);

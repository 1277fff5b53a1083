import { arxivAbsUrl, hfPaperUrl } from '../paper';
import { isoDay, paperYear } from './common';
import type { ReadingListEntry } from './entry';

/**
 * Escape characters that would change Markdown rendering (links, images, emphasis, raw HTML,
 * autolinks): titles, authors, tags and notes all come out as the text they are, so no
 * `javascript:` link or HTML tag can be smuggled into a rendered export.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, (ch) => `\\${ch}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function entryMarkdown({ paper, saved }: ReadingListEntry): string {
  const title = escapeMarkdown(oneLine(paper.title ?? paper.id));
  const parts = [`- [${title}](${hfPaperUrl(paper.id)})`];
  const authors = paper.authors?.length ? `${escapeMarkdown(paper.authors.join(', '))} ` : '';
  const details = [`${authors}(${paperYear(paper)})`, `[arXiv:${paper.id}](${arxivAbsUrl(paper.id)})`];
  if (saved.tags.length) details.push(`tags: ${saved.tags.map((t) => escapeMarkdown(oneLine(t))).join(', ')}`);
  if (saved.status === 'done') details.push('done');
  parts.push(details.join(' · '));
  let out = parts.join(' — ');
  // The note as a quote under the item, each line quoted so multi-line notes stay inside it.
  const note = saved.note.trim();
  if (note) out += `\n${note.split(/\r?\n/).map((l) => `  > ${escapeMarkdown(l)}`.trimEnd()).join('\n')}`;
  return out;
}

/** A Markdown list of the entries; `now` (epoch ms) dates the heading. */
export function toMarkdown(entries: ReadingListEntry[], now?: number): string {
  const heading = now === undefined ? '# Papers Inbox reading list' : `# Papers Inbox reading list (${isoDay(now)})`;
  return `${heading}\n\n${entries.map(entryMarkdown).join('\n')}\n`;
}

import { listAt } from '../list-at';
import { arxivAbsUrl } from '../paper';
import type { PaperRecord } from '../store/records';
import { asciiFold, paperYear } from './common';
import type { ReadingListEntry } from './entry';

/** Words that never make a citation key (BibTeX/Google Scholar convention). */
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'is', 'are', 'at', 'by', 'from', 'towards', 'toward', 'via']);

const LATEX_ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '%': '\\%',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Escape LaTeX specials in one pass (so the braces we add for `\\textbackslash{}` are not re-escaped). */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (ch) => LATEX_ESCAPES[ch] ?? ch);
}

function lastName(author: string): string {
  const parts = author.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}

function firstSignificantWord(title: string): string {
  for (const word of title.split(/[\s\-–—:,.;!?/()[\]{}]+/)) {
    const folded = asciiFold(word);
    if (folded && !STOP_WORDS.has(folded)) return folded;
  }
  return '';
}

/** `<lastname><year><word>`; `arxiv<id>` when there is no author or no usable title word. */
export function baseKey(paper: PaperRecord): string {
  const author = asciiFold(lastName(paper.authors?.[0] ?? ''));
  const word = firstSignificantWord(paper.title ?? '');
  if (!author || !word) return `arxiv${paper.id.replace('.', '')}`;
  return `${author}${paperYear(paper)}${word}`;
}

/** Suffix letters: a…z, then aa, ab… so any number of collisions stays unique. */
function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/**
 * Keys for all papers, independent of entry order: ids are sorted first, and colliding base keys
 * get a, b, c… in id order (the first one too, so no key silently changes meaning later).
 */
export function citationKeys(papers: PaperRecord[]): Map<string, string> {
  const sorted = [...papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const groups = new Map<string, string[]>();
  for (const p of sorted) {
    const key = baseKey(p);
    listAt(groups, key).push(p.id);
  }
  const keys = new Map<string, string>();
  for (const [key, ids] of groups) {
    ids.forEach((id, i) => keys.set(id, ids.length === 1 ? key : key + suffix(i)));
  }
  return keys;
}

function field(name: string, value: string): string {
  return `  ${name} = {${value}}`;
}

function entryBibtex(entry: ReadingListEntry, key: string): string {
  const { paper, saved } = entry;
  const fields = [
    // Double braces keep BibTeX styles from lower-casing the title.
    field('title', `{${escapeLatex(paper.title ?? paper.id)}}`),
    ...(paper.authors?.length ? [field('author', paper.authors.map(escapeLatex).join(' and '))] : []),
    field('year', paperYear(paper)),
    field('eprint', paper.id),
    field('archivePrefix', 'arXiv'),
    field('url', arxivAbsUrl(paper.id)),
    ...(saved.note.trim() ? [field('note', escapeLatex(saved.note.trim()))] : []),
  ];
  return `@misc{${key},\n${fields.join(',\n')}\n}\n`;
}

/** BibTeX `@misc` entries in the order given; keys are stable whatever that order is. */
export function toBibtex(entries: ReadingListEntry[]): string {
  const keys = citationKeys(entries.map((e) => e.paper));
  return entries.map((e) => entryBibtex(e, keys.get(e.paper.id) ?? baseKey(e.paper))).join('\n');
}

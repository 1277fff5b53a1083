import type { PaperMeta } from '../paper';
import type { Requester } from './messenger';
import type { MenuItem, Overlay } from './toast';

const MAX_EACH = 8;

export type MuteChoice = { kind: 'keyword' | 'author'; pattern: string };

/** The one-click rules "Mute…" offers for a paper: its HF keywords, then its authors. */
export function muteChoices(meta: PaperMeta | undefined): MuteChoice[] {
  const clean = (values: string[] | undefined) =>
    [...new Set((values ?? []).map((v) => v.trim()).filter((v) => v.length > 0 && v.length <= 200))].slice(0, MAX_EACH);
  return [
    ...clean(meta?.keywords).map((pattern) => ({ kind: 'keyword' as const, pattern })),
    ...clean(meta?.authors).map((pattern) => ({ kind: 'author' as const, pattern })),
  ];
}

function items(choices: MuteChoice[], mute: (choice: MuteChoice) => void): MenuItem[] {
  const keywords = choices.filter((c) => c.kind === 'keyword');
  const authors = choices.filter((c) => c.kind === 'author');
  const out: MenuItem[] = [];
  if (keywords.length > 0) out.push({ heading: 'Hide papers about' });
  for (const c of keywords) out.push({ label: `“${c.pattern}”`, run: () => mute(c) });
  if (authors.length > 0) out.push({ heading: 'Hide papers by' });
  for (const c of authors) out.push({ label: c.pattern, run: () => mute(c) });
  return out;
}

/** Opens the Mute… menu for a card; a choice sends `mute` (the background creates a hide rule). */
export function openMuteMenu(anchor: HTMLElement, meta: PaperMeta | undefined, overlay: Overlay, request: Requester): void {
  const choices = muteChoices(meta);
  if (choices.length === 0) {
    overlay.toast('No keywords or authors are known for this paper. Add a filter in the popup.');
    return;
  }
  const mute = async (choice: MuteChoice) => {
    const answer = await request({ type: 'mute', kind: choice.kind, pattern: choice.pattern });
    if (!answer) return overlay.toast('Could not add the filter. Try again.', { role: 'alert' });
    overlay.toast(`Muted “${choice.pattern}”`, { note: 'Manage filters in the popup' });
  };
  overlay.menu(anchor, 'Mute topics or authors of this paper', items(choices, (c) => void mute(c)));
}

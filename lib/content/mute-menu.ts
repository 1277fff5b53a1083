import type { PaperMeta } from '../paper';
import { FOR_ATTR, UI_ATTR } from './annotate';
import type { Feature } from './feature';
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

/** Opens the Mute… menu for a card; a choice goes to `mute` (PageActions.mute sends it, with Undo). */
export function openMuteMenu(anchor: HTMLElement, meta: PaperMeta | undefined, overlay: Overlay, mute: (choice: MuteChoice) => void): void {
  const choices = muteChoices(meta);
  if (choices.length === 0) {
    overlay.toast('No keywords or authors are known for this paper. Add a filter in the popup.');
    return;
  }
  overlay.menu(anchor, 'Mute topics or authors of this paper', items(choices, mute));
}

/**
 * A card's Mute… button opens the menu of its keywords and authors (the `m` key presses that
 * button). Beside the card controls' listener on document: each handles its own buttons.
 */
export const muteMenu: Feature = {
  pages: 'lists',
  init(life, { doc, session, actions, overlay }) {
    doc.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest<HTMLElement>(`[${UI_ATTR}] [data-pi-action="mute"]`) : null;
      const id = button?.getAttribute(FOR_ATTR);
      if (button && id) openMuteMenu(button, session.metaOf(id), overlay, (choice) => void actions.mute(choice));
    }, { capture: true, signal: life.signal });
  },
};

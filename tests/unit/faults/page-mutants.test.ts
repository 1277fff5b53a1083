import { describe, expect, it, vi } from 'vitest';
import { createMessenger } from '../../../lib/content/messenger';
import { lifetimeOf } from '../../../lib/content/lifetime';
import { openMuteMenu } from '../../../lib/content/mute-menu';
import { PageActions } from '../../../lib/content/actions';
import { PageSession, SHOWN_BATCH } from '../../../lib/content/page-session';
import { startFeatures } from '../../../lib/content/start';
import { Overlay } from '../../../lib/content/toast';
import { parsePapersPage } from '../../../lib/hf/parse-page';
import { allBases, paperIdOfHref, type Base } from './bases';
import { CARD_MUTATIONS } from './card-mutations';
import { HOSTILE_MUTATIONS } from './hostile-mutations';
import { MemoryBackground } from './memory-background';
import { BOTH, PROPS_MUTATIONS, type Mutation } from './mutations';
import { subjectOf, type ExpectedCard, type Subject } from './subject';

/**
 * Issue #6, "faults and bad input": every page fixture (the real saved trending page and every page
 * builder, each markup) × every mutation kind, through the real pipeline — parsePapersPage, the
 * content script's PageSession with its messenger and CardPainter — against a background that answers
 * like the real one. Each mutant says itself which elements are cards and what must be sent.
 */
const UNCHANGED: Mutation = { kind: 'unchanged (control)', pages: BOTH, apply: () => undefined };
export const MUTATIONS: Mutation[] = [UNCHANGED, ...PROPS_MUTATIONS, ...CARD_MUTATIONS, ...HOSTILE_MUTATIONS];
const NOW = Date.UTC(2026, 10, 23);
/** Tags our UI may create: text only ever goes into these, as text. */
const UI_TAGS = new Set(['DIV', 'SPAN', 'BUTTON', 'EM']);

const readIndex = (i: number) => i % 3 === 1;
const savedIndex = (i: number) => i % 4 === 2;

type Run = { bg: MemoryBackground; session: PageSession; recognized: boolean | undefined; abort: AbortController; failures: string[] };

/** The page as it was before the extension ran, and which elements already had a tabindex. */
type Before = { html: string; tabbable: Set<Element>; recognized: boolean };

function before(s: Subject): Before {
  const main = s.doc.querySelector('main');
  const linked = [...(main?.querySelectorAll('a') ?? [])].some((a) => paperIdOfHref(a.getAttribute('href')) !== null);
  return {
    html: s.doc.documentElement.outerHTML,
    tabbable: new Set(s.doc.querySelectorAll('[tabindex]')),
    // "Layout not recognized" exactly when paper links exist but no card does (a paper page: no h1 and no props).
    recognized: s.base.page === 'paper' ? s.cards.some((c) => c.fromProps || c.element.tagName === 'H1') : s.cards.length > 0 || !linked,
  };
}

async function run(s: Subject): Promise<Run> {
  const bg = new MemoryBackground();
  if (s.base.page === 'list') {
    s.cards.forEach((card, i) => {
      if (readIndex(i)) bg.read.add(card.id);
      if (savedIndex(i)) bg.saved.add(card.id);
    });
  }
  const recognized = parsePapersPage(s.doc, s.url)?.recognized;
  const abort = new AbortController();
  const failures: string[] = [];
  const request = createMessenger({ transport: bg.transport, onDead: () => abort.abort(), onFailure: (s) => failures.push(s), sleep: async () => undefined });
  const session = new PageSession({
    doc: s.doc, currentUrl: () => s.url, parse: parsePapersPage, request, now: () => NOW, signal: abort.signal,
  });
  // Every feature, as the content script starts them (the paper page's is one of them).
  const life = lifetimeOf(abort.signal);
  const overlay = new Overlay(s.doc, life);
  startFeatures({ doc: s.doc, session, actions: new PageActions(session, overlay), overlay, request }, life);
  await session.navigate();
  return { bg, session, recognized, abort, failures };
}

/** Exactly the expected elements carry data-pi-id, with the right id, state and saved flag. */
function expectAnnotated(s: Subject): void {
  const annotated = [...s.doc.querySelectorAll('[data-pi-id]')];
  const expected = new Set<Element>(s.cards.map((c) => c.element));
  expect(annotated.filter((el) => !expected.has(el)).map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
  expect(annotated).toHaveLength(s.cards.length);
  const facts = (el: Element) => [el.getAttribute('data-pi-id'), el.getAttribute('data-pi-state'), el.getAttribute('data-pi-saved')];
  expect(s.cards.map((c) => facts(c.element))).toEqual(
    s.cards.map((c, i) => [c.id, readIndex(i) ? 'read' : 'new', savedIndex(i) ? 'true' : null]),
  );
}

/** One control strip per card, a child of it, for its id; our UI holds only our tags (text stayed text). */
function expectControls(s: Subject): void {
  const strips = [...s.doc.querySelectorAll('[data-pi-ui="controls"]')];
  expect(strips).toHaveLength(s.cards.length);
  const stripOf = new Map(strips.map((strip) => [strip.parentElement, strip.getAttribute('data-pi-for')]));
  expect(s.cards.filter((card) => stripOf.get(card.element) !== card.id).map((c) => c.id)).toEqual([]);
  const uiTags = [...s.doc.querySelectorAll('[data-pi-ui]')].flatMap((ui) => [ui, ...ui.getElementsByTagName('*')].map((el) => el.tagName));
  expect(uiTags.filter((tag) => !UI_TAGS.has(tag))).toEqual([]);
}

/** What the background heard: every card once, in order, in batches of ≤ 500, with the right text. */
function expectShown(s: Subject, bg: MemoryBackground): void {
  expect(bg.refused).toEqual([]);
  const shown = bg.of('cards-shown');
  expect(shown.filter((r) => r.papers.length > SHOWN_BATCH)).toEqual([]);
  const sent = shown.flatMap((r) => r.papers);
  expect(sent.map((p) => p.id)).toEqual(s.cards.map((c) => c.id));
  expect(sent.map((p) => p.title)).toEqual(s.cards.map((c) => c.title));
  const joined = (p: object) => Object.keys(p).some((key) => key !== 'id' && key !== 'title');
  expect(sent.map(joined)).toEqual(s.cards.map((c) => c.fromProps));
}

function expectReport(s: Subject, bg: MemoryBackground, recognized: boolean): void {
  const report = bg.reports.at(-1);
  expect(report?.recognized).toBe(recognized);
  expect(report?.ids).toEqual(s.cards.map((c) => c.id));
  const unread = s.cards.filter((_, i) => !readIndex(i)).length;
  expect(report?.counts).toEqual({ total: s.cards.length, new: unread, unread, hidden: 0 });
}

/** Removes what the extension may add (our UI, data-pi-* attributes, tabindex on cards) and compares. */
function expectNothingElseTouched(s: Subject, was: Before): void {
  for (const el of s.doc.querySelectorAll('[data-pi-ui]')) el.remove();
  for (const el of s.doc.getElementsByTagName('*')) {
    for (const name of el.getAttributeNames()) if (name.startsWith('data-pi-')) el.removeAttribute(name);
    if (!was.tabbable.has(el)) el.removeAttribute('tabindex');
  }
  const after = s.doc.documentElement.outerHTML;
  // The first difference, not a diff of up to 2 MB of HTML.
  let at = 0;
  while (at < after.length && after[at] === was.html[at]) at += 1;
  expect(at === after.length && at === was.html.length ? '' : `@${at}: …${after.slice(at - 80, at + 120)}`).toBe('');
}

/** The Mute… menu lists the (hostile) keyword and author as text labels, nothing parsed. */
function expectMuteMenuText(s: Subject, r: Run): void {
  const [first] = s.cards;
  const title = s.hostile[0] ?? '';
  const button = first?.element.querySelector<HTMLElement>('[data-pi-action="mute"]');
  if (!first || !button || title.length > 200) return;
  openMuteMenu(button, r.session.metaOf(first.id), new Overlay(s.doc, lifetimeOf(r.abort.signal)), () => {});
  const shadow = s.doc.querySelector('[data-pi-ui="overlay"]')?.shadowRoot;
  const labels = [...(shadow?.querySelectorAll('[role="menuitem"]') ?? [])].map((el) => el.textContent);
  expect(labels).toEqual([`“${title.trim()}”`, title.replace(/\s+/g, ' ').trim()]);
  expect(shadow?.querySelectorAll('img, script, a, b, h3')).toHaveLength(0);
}

function expectPaperPage(s: Subject, bg: MemoryBackground, recognized: boolean): void {
  const [paper] = s.cards;
  expect(s.doc.querySelectorAll('[data-pi-id]')).toHaveLength(0);
  const h1 = s.doc.querySelector('main h1');
  const controls = s.doc.querySelectorAll('[data-pi-ui="paper-controls"]');
  expect(controls).toHaveLength(h1 ? 1 : 0);
  if (h1) expect(h1.nextElementSibling?.querySelector('[data-pi-action="save"]')?.getAttribute('data-pi-for')).toBe(paper?.id);
  expect(bg.of('set-read').map((r) => r.ids)).toEqual([[paper?.id]]);
  expect(bg.reports.at(-1)?.kind).toBe('paper');
  expect(bg.reports.at(-1)?.recognized).toBe(recognized);
}

const applicable = (base: Base) => MUTATIONS.filter((m) => m.pages.includes(base.page) && (m.only?.(base) ?? true));

describe.each(allBases())('$name', (base) => {
  it.each(applicable(base))('$kind', async (mutation) => {
    const warn = vi.spyOn(console, 'warn');
    const error = vi.spyOn(console, 'error');
    const s = subjectOf(base);
    mutation.apply(s);
    const was = before(s);
    const r = await run(s);
    expect(r.recognized).toBe(was.recognized);
    expectShown(s, r.bg);
    if (base.page === 'paper') expectPaperPage(s, r.bg, was.recognized);
    else {
      expectReport(s, r.bg, was.recognized);
      expectAnnotated(s);
      expectControls(s);
    }
    if (s.hostile.length > 0) expectMuteMenuText(s, r);
    expect(Reflect.get(globalThis, '__piPwned')).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
    expect(error).not.toHaveBeenCalled();
    expect(r.failures).toEqual([]); // the background refused nothing the page sent
    r.abort.abort();
    expectNothingElseTouched(s, was);
  }, 120_000);
});

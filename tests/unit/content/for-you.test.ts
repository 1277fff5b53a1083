import { describe, expect, it } from 'vitest';
import { annotateCard, clearCard } from '../../../lib/content/annotate';
import { PageModel } from '../../../lib/content/page-model';
import type { CardView } from '../../../lib/content/page-model';
import { parsePapersPage } from '../../../lib/hf/parse-page';
import { buildTrendingPage, makeItems } from '../../fixtures/pages';
import { hfUrl, loadPage } from './helpers';

function trendingCards(n: number) {
  const doc = loadPage(buildTrendingPage(makeItems(n)));
  const parsed = parsePapersPage(doc, hfUrl('/papers/trending'));
  if (!parsed) throw new Error('not a papers page');
  return parsed.cards;
}
const view = (id: string, patch: Partial<CardView> = {}): CardView => ({ id, state: 'new', saved: false, verdict: undefined, revealed: false, ...patch });

describe('"for you" on cards', () => {
  it('writes data-pi-score and data-pi-why and the reason in the strip; a model gone removes them', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    annotateCard(card.element, view(card.id, { score: { score: 0.83, why: 'robot, grasping · like: A saved paper' } }));
    expect(card.element.getAttribute('data-pi-score')).toBe('0.83');
    expect(card.element.getAttribute('data-pi-why')).toBe('robot, grasping · like: A saved paper');
    expect(card.element.querySelector('[data-pi-ui="why"]')?.textContent).toBe('robot, grasping · like: A saved paper');
    annotateCard(card.element, view(card.id));
    expect(card.element.hasAttribute('data-pi-score')).toBe(false);
    expect(card.element.hasAttribute('data-pi-why')).toBe(false);
    expect(card.element.querySelector('[data-pi-ui="why"]')?.textContent).toBe('');
  });

  it('clearCard removes the score attributes with the rest of the contract', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    annotateCard(card.element, view(card.id, { score: { score: 0.1, why: 'little in common with your saves' } }));
    clearCard(card.element);
    expect(card.element.hasAttribute('data-pi-score')).toBe(false);
    expect(card.element.hasAttribute('data-pi-why')).toBe(false);
  });

  it('the page model keeps the scores of the answer beside the verdicts, and drops missing ones', () => {
    const page = new PageModel(hfUrl('/papers/trending'), { name: 'trending' });
    page.states.set('2607.00001', 'new');
    page.states.set('2607.00002', 'new');
    page.setVerdicts(['2607.00001', '2607.00002'], {}, { '2607.00001': { score: 0.9, why: 'x' }, '2607.00002': { score: 0.2, why: 'y' } });
    expect(page.view('2607.00001')?.score).toEqual({ score: 0.9, why: 'x' });
    page.setVerdicts(['2607.00002'], {});
    expect(page.view('2607.00002')?.score).toBeUndefined();
    expect(page.view('2607.00001')?.score).toEqual({ score: 0.9, why: 'x' });
  });
});

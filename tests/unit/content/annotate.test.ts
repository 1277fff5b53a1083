import { beforeEach, describe, expect, it } from 'vitest';
import { CardPainter } from '../../../lib/content/annotate';
import { PageModel, type CardView } from '../../../lib/content/page-model';
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

let painter = new CardPainter();
beforeEach(() => {
  painter = new CardPainter();
});

describe('annotating cards (DOM contract)', () => {
  it('annotates each article once even though it holds two copies of the card', () => {
    const cards = trendingCards(3);
    for (const card of cards) {
      painter.annotate(card.element, view(card.id));
      painter.annotate(card.element, view(card.id)); // idempotent
    }
    const articles = document.querySelectorAll('article');
    expect(articles).toHaveLength(3);
    for (const article of articles) {
      expect(article.getAttribute('data-pi-id')).toMatch(/^\d{4}\.\d{5}$/);
      expect(article.getAttribute('data-pi-state')).toBe('new');
      expect(article.querySelectorAll('[data-pi-ui="controls"]')).toHaveLength(1);
      expect(article.querySelectorAll('[data-pi-action="save"]')).toHaveLength(1);
    }
  });

  it('gives every control an accessible name that says what it will do, and toggles it', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    painter.annotate(card.element, view(card.id));
    const save = card.element.querySelector('[data-pi-action="save"]');
    const read = card.element.querySelector('[data-pi-action="read"]');
    const mute = card.element.querySelector('[data-pi-action="mute"]');
    expect(save?.getAttribute('aria-label')).toBe('Save to reading list');
    expect(save?.getAttribute('aria-pressed')).toBe('false');
    expect(read?.getAttribute('aria-label')).toBe('Mark as read');
    expect(mute?.getAttribute('aria-label')).toMatch(/^Mute…/);
    expect(mute?.getAttribute('aria-haspopup')).toBe('menu');
    expect(save?.tagName).toBe('BUTTON');

    painter.annotate(card.element, view(card.id, { saved: true, state: 'read' }));
    expect(card.element.getAttribute('data-pi-saved')).toBe('true');
    expect(save?.getAttribute('aria-label')).toBe('Remove from reading list');
    expect(read?.getAttribute('aria-label')).toBe('Mark as unread');
    expect(card.element.getAttribute('data-pi-state')).toBe('read');

    painter.annotate(card.element, view(card.id, { saved: false }));
    expect(card.element.hasAttribute('data-pi-saved')).toBe(false);
  });

  it('collapses a hidden card to a placeholder naming the rule, with a Show button', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    const verdict = { action: 'hide' as const, reason: 'diffusion', ruleId: 'r1' };
    painter.annotate(card.element, view(card.id, { verdict }));
    expect(card.element.getAttribute('data-pi-filter')).toBe('hidden');
    expect(card.element.getAttribute('data-pi-reason')).toBe('diffusion');
    const placeholder = card.element.querySelector('[data-pi-ui="placeholder"]');
    expect(placeholder?.textContent).toBe('Hidden: diffusion · Show');
    expect(placeholder?.querySelector('button[data-pi-action="show"]')).not.toBeNull();

    painter.annotate(card.element, view(card.id, { verdict, revealed: true }));
    expect(card.element.getAttribute('data-pi-revealed')).toBe('true');

    painter.annotate(card.element, view(card.id, { verdict: { action: 'dim', reason: 'rl', ruleId: 'r2' } }));
    expect(card.element.getAttribute('data-pi-filter')).toBe('dimmed');
    expect(card.element.hasAttribute('data-pi-revealed')).toBe(false);
    expect(card.element.querySelector('[data-pi-ui="reason"]')?.textContent).toBe('rl');

    painter.annotate(card.element, view(card.id));
    expect(card.element.hasAttribute('data-pi-filter')).toBe(false);
    expect(card.element.hasAttribute('data-pi-reason')).toBe(false);
  });

  it('renders rule text as text, never HTML', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    painter.annotate(card.element, view(card.id, { verdict: { action: 'hide', reason: '<img src=x onerror=alert(1)>', ruleId: 'r' } }));
    expect(card.element.querySelector('[data-pi-ui="placeholder"] img')).toBeNull();
  });

  it('clear removes everything it added', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    painter.annotate(card.element, view(card.id, { saved: true }));
    painter.clear(card.element);
    expect(card.element.querySelector('[data-pi-ui]')).toBeNull();
    expect(card.element.hasAttribute('data-pi-id')).toBe(false);
  });
});

describe('"for you" on cards', () => {
  it('writes data-pi-score and data-pi-why and the reason in the strip; a model gone removes them', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    painter.annotate(card.element, view(card.id, { score: { score: 0.83, why: 'robot, grasping · like: A saved paper' } }));
    expect(card.element.getAttribute('data-pi-score')).toBe('0.83');
    expect(card.element.getAttribute('data-pi-why')).toBe('robot, grasping · like: A saved paper');
    expect(card.element.querySelector('[data-pi-ui="why"]')?.textContent).toBe('robot, grasping · like: A saved paper');
    painter.annotate(card.element, view(card.id));
    expect(card.element.hasAttribute('data-pi-score')).toBe(false);
    expect(card.element.hasAttribute('data-pi-why')).toBe(false);
    expect(card.element.querySelector('[data-pi-ui="why"]')?.textContent).toBe('');
  });

  it('clear removes the score attributes with the rest of the contract', () => {
    const [card] = trendingCards(1);
    if (!card) throw new Error('no card');
    painter.annotate(card.element, view(card.id, { score: { score: 0.1, why: 'little in common with your saves' } }));
    painter.clear(card.element);
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

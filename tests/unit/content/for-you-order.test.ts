import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundScore } from '../../../lib/ranking/score';

const CSS = readFileSync(path.resolve(import.meta.dirname, '../../../lib/content/for-you-order.css'), 'utf8');
const STYLES = readFileSync(path.resolve(import.meta.dirname, '../../../lib/content/styles.css'), 'utf8');

/** `data-pi-score` value → the CSS `order` the stylesheet gives that card in the "for you" order. */
function orderRules(css: string): Map<string, number> {
  const rules = new Map<string, number>();
  const rule = /\[data-pi-order='for-you'\] \[data-pi-score='([^']+)'\]:not\(a\) \{ order: (-?\d+); \}/g;
  for (const [, score, order] of css.matchAll(rule)) if (score !== undefined) rules.set(score, Number(order));
  return rules;
}

describe('the "for you" card order (for-you-order.css)', () => {
  const rules = orderRules(CSS);

  it('has a rule for every score a card can carry, higher scores first', () => {
    for (let i = 0; i <= 2000; i += 1) {
      const score = roundScore(i / 2000);
      expect(rules.get(String(score)), `score ${score}`).toBe(0 - Math.round(score * 100));
    }
  });

  it('has no other rules, and is part of the one page stylesheet', () => {
    expect(rules.size).toBe(101);
    expect(CSS.match(/\{/g)?.length).toBe(101);
    expect(STYLES).toContain('@import "./for-you-order.css";');
  });
});

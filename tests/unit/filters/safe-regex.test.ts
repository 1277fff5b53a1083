import { describe, expect, it } from 'vitest';
import { hasCatastrophicBacktracking } from '../../../lib/filters/safe-regex';

describe('catastrophic backtracking check', () => {
  it('reads every quantifier form: only a max above 1 repeats, lazy or not', () => {
    const refused = ['(a{2})+', '(a{1,})+', '(a{2,3}?)+', '(a+?)*', '(a{2}b)+', '(a|b{2})+'];
    const accepted = ['(a{1})+', '(a??)+', '(a{0,1})*', '(a{,2})+', '(a*?)?', '(ab){2}', 'a{2}{3}'];
    for (const src of refused) expect(hasCatastrophicBacktracking(src), src).toBe(true);
    for (const src of accepted) expect(hasCatastrophicBacktracking(src), src).toBe(false);
  });
});

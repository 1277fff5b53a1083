import { describe, expect, it } from 'vitest';
import { createTextCaches, fold, paperTexts as textsOf, wordStartView } from '../../../lib/filters/text';
import type { PaperMeta } from '../../../lib/paper';

const caches = createTextCaches();
const paperTexts = (p: PaperMeta) => textsOf(p, caches);

describe('paper texts', () => {
  const long = (s: string) => `${s} ${'x'.repeat(250)}`;

  it('folds long abstracts the same on every pass (they are kept between passes)', () => {
    const p = { id: '2501.00001', summary: long('Über NAÏVE Müller'), aiSummary: long('Plain ASCII') };
    const expected = [long('uber naive muller'), long('plain ascii')];
    const folded = () => paperTexts(p).folded('abstract').map((f) => f.text);
    expect(folded()).toEqual(expected);
    expect(folded()).toEqual(expected);
    expect(paperTexts({ ...p, summary: long('Changed') }).folded('abstract')[0]?.text).toBe(long('changed'));
  });

  it('stays right once the kept texts are forgotten', () => {
    for (let i = 0; i < 5_100; i++)
      expect(paperTexts({ id: 'x', title: long(`T${i}É`) }).folded('title')[0]?.text).toBe(long(`t${i}e`));
    expect(fold('ÉCOLE')).toBe('ecole');
  });

  it('gives long texts a view of where words start, and short ones none', () => {
    const p = { id: 'x', title: 'Short', summary: long('A') };
    expect(paperTexts(p).folded('title')).toEqual([{ text: 'short', wordStarts: null }]);
    expect(paperTexts(p).folded('abstract')[0]?.wordStarts).toBe(` ${long('a')}`);
  });

  it('word-start view: a space, then letters and numbers kept and everything else a space, at the same index', () => {
    expect(wordStartView('c++ (x), a_b 12.5')).toBe(' c    x   a b 12 5');
    // Letters of any script and astral ones are kept; an astral symbol becomes two spaces; a lone surrogate one.
    expect(wordStartView('σ-mem 扩散 𝐀b\u{1F600}x \ud800y')).toBe(' σ mem 扩散 𝐀b  x  y');
    for (const s of ['naïve', 'a\u{1F600}b', '𝐀', '\udc00', '']) expect(wordStartView(s)).toHaveLength(s.length + 1);
  });

  it('clips every text a rule looks at', () => {
    expect(paperTexts({ id: 'x', summary: 'a'.repeat(30_000) }).raw('abstract')[0]).toHaveLength(20_000);
  });
});

import { describe, expect, it } from 'vitest';
import { fold, paperTexts } from '../../../lib/filters/text';

describe('paper texts', () => {
  const long = (s: string) => `${s} ${'x'.repeat(250)}`;

  it('folds long abstracts the same on every pass (they are kept between passes)', () => {
    const p = { id: '2501.00001', summary: long('Über NAÏVE Müller'), aiSummary: long('Plain ASCII') };
    const expected = [long('uber naive muller'), long('plain ascii')];
    expect(paperTexts(p).folded('abstract')).toEqual(expected);
    expect(paperTexts(p).folded('abstract')).toEqual(expected);
    expect(paperTexts({ ...p, summary: long('Changed') }).folded('abstract')[0]).toBe(long('changed'));
  });

  it('stays right once the kept texts are forgotten', () => {
    for (let i = 0; i < 5_100; i++)
      expect(paperTexts({ id: 'x', title: long(`T${i}É`) }).folded('title')).toEqual([long(`t${i}e`)]);
    expect(fold('ÉCOLE')).toBe('ecole');
  });

  it('clips every text a rule looks at', () => {
    expect(paperTexts({ id: 'x', summary: 'a'.repeat(30_000) }).raw('abstract')[0]).toHaveLength(20_000);
  });
});

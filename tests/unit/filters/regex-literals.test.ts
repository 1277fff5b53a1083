import { describe, expect, it } from 'vitest';
import { branchLiterals, topLevelBranches } from '../../../lib/filters/regex-literals';

describe('top-level branches of a regex source', () => {
  it('splits at | outside groups and classes, not at an escaped one', () => {
    expect(topLevelBranches('ab|abc')).toEqual(['ab', 'abc']);
    expect(topLevelBranches('a\\|b|c')).toEqual(['a\\|b', 'c']);
    expect(topLevelBranches('[|]x|y')).toEqual(['[|]x', 'y']);
    expect(topLevelBranches('[\\]|]x|y')).toEqual(['[\\]|]x', 'y']);
    expect(topLevelBranches('(a|b)c|d')).toEqual(['(a|b)c', 'd']);
    expect(topLevelBranches('(?<n>a|(b|c))|\\k<n>')).toEqual(['(?<n>a|(b|c))', '\\k<n>']);
    expect(topLevelBranches('foo|')).toEqual(['foo', '']);
    expect(topLevelBranches('\\\\|x')).toEqual(['\\\\', 'x']);
  });

  it('ends a class at its first unescaped ] (JS: [] is the empty class, [^] any character)', () => {
    expect(topLevelBranches('[]|a')).toEqual(['[]', 'a']);
    expect(topLevelBranches('[^]|a')).toEqual(['[^]', 'a']);
    expect(topLevelBranches('[(]a|b')).toEqual(['[(]a', 'b']);
  });
});

describe('leading literals of each branch', () => {
  it('takes the letters/digits after an optional boundary, up to one that may be absent', () => {
    expect(branchLiterals('\\bproteins?\\b|language\\w*')).toEqual(['protein', 'language']);
    expect(branchLiterals('\\Bent\\b')).toEqual(['ent']);
    expect(branchLiterals('ab{2}c')).toEqual(['a']);
    expect(branchLiterals('ab*?c|x_1')).toEqual(['a', 'x_1']);
    expect(branchLiterals('𝐀x|\\b扩散')).toEqual(['𝐀x', '扩散']);
    expect(branchLiterals('ſtop|\u212Aelvin')).toEqual(['ſtop', '\u212Aelvin']);
    expect(branchLiterals('diff(?=usion)|a\\|b')).toEqual(['diff', 'a']);
  });

  it('is null when some branch can start anywhere or elsewhere', () => {
    for (const src of ['foo|', '|foo', '(?<=a)b|c', 'a|(?:b)', '\\bfoo|\\w+', 'a+b', '^llm', 'x|.y', '\\1a|b', '[ab]c'])
      expect(branchLiterals(src), src).toBeNull();
    expect(branchLiterals('\\b\\bfoo')).toBeNull();
  });
});

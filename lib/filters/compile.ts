import { FILTER_PATTERN_MAX } from './rule-limits';
import type { FilterField, FilterRule } from './rule';
import { keywordRegex, keywordRequirements } from './keyword';
import { hasCatastrophicBacktracking } from './safe-regex';
import { userRegexTest } from './regex-test';
import type { PaperMeta } from '../paper';
import type { PaperTexts } from './text';

export type ValidateResult = { ok: true } | { ok: false; error: string };

const NON_NEGATIVE_INT = /^\d+$/;

/** Compile a user regex: `iu` first, `i` when the source is only valid without Unicode mode. */
export function compileUserRegex(src: string): RegExp | { error: string } {
  try {
    return new RegExp(src, 'iu');
  } catch {
    try {
      return new RegExp(src, 'i');
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return { error: `This regular expression is not valid: ${msg}.` };
    }
  }
}

function validateRegex(src: string, what: string): ValidateResult {
  if (src.length > FILTER_PATTERN_MAX)
    return { ok: false, error: `${what} is too long (at most ${FILTER_PATTERN_MAX} characters).` };
  const re = compileUserRegex(src);
  if (!(re instanceof RegExp)) return { ok: false, error: re.error };
  if (hasCatastrophicBacktracking(src))
    return {
      ok: false,
      error:
        'This regular expression could take too long on long abstracts (a repeated group inside a repetition). Simplify it.',
    };
  return { ok: true };
}

function validateText(src: string, what: string): ValidateResult {
  if (src.length > FILTER_PATTERN_MAX)
    return { ok: false, error: `${what} is too long (at most ${FILTER_PATTERN_MAX} characters).` };
  if (keywordRegex(src) === null) return { ok: false, error: `${what} has no words to look for.` };
  return { ok: true };
}

/** A clear sentence for the user when the rule cannot work; also used at apply time (imported rules). */
export function validateRule(rule: FilterRule): ValidateResult {
  const pattern = rule.pattern.trim();
  if (pattern === '') return { ok: false, error: 'The pattern is empty.' };
  const main = checkPattern(rule.kind, pattern, 'The pattern');
  if (!main.ok) return main;
  const unless = rule.unless?.trim();
  if (unless === undefined || unless === '') return { ok: true };
  return rule.kind === 'regex'
    ? validateRegex(unless, 'The "unless" pattern')
    : validateText(unless, 'The "unless" pattern');
}

function checkPattern(kind: FilterRule['kind'], pattern: string, what: string): ValidateResult {
  if (kind === 'regex') return validateRegex(pattern, 'This regular expression');
  if (kind === 'min-upvotes')
    return NON_NEGATIVE_INT.test(pattern)
      ? { ok: true }
      : { ok: false, error: 'The minimum upvotes must be a whole number, 0 or more.' };
  return validateText(pattern, what);
}

/** A rule ready to run: the regexes are built once and reused for every paper of every batch. */
export interface CompiledRule {
  rule: FilterRule;
  /**
   * Only user regexes can be slow. Keyword/author regexes are escaped literals (linear time on
   * clipped text), so we skip the clock for them: two clock reads per test would cost more than the test.
   */
  timed: boolean;
  test: (paper: PaperMeta, texts: PaperTexts) => boolean;
}

type TextTest = (texts: PaperTexts) => boolean;

function regexTest(re: RegExp, fields: readonly FilterField[]): TextTest {
  const test = userRegexTest(re);
  return (texts) => fields.some((f) => texts.raw(f).some(test));
}

/** Keyword test: cheap token-set pre-check first, the regex only on papers that could match. */
function keywordTest(pattern: string, fields: readonly FilterField[]): TextTest | null {
  const re = keywordRegex(pattern);
  if (re === null) return null;
  const reqs = keywordRequirements(pattern);
  return (texts) =>
    fields.some((f) => {
      if (reqs !== null) {
        const tokens = texts.tokens(f);
        if (!reqs.some((words) => words.every((w) => tokens.has(w)))) return false;
      }
      return texts.folded(f).some((s) => re.test(s));
    });
}

/** The test for a pattern of this kind; for min-upvotes the pattern part is a text test of `unless`. */
function buildTextTest(kind: FilterRule['kind'], pattern: string, fields: readonly FilterField[]): TextTest | null {
  if (kind === 'regex') {
    const re = compileUserRegex(pattern);
    return re instanceof RegExp ? regexTest(re, fields) : null;
  }
  // Author rules always look at author names, whatever fields say: that is what "author" means.
  return keywordTest(pattern, kind === 'author' ? ['authors'] : fields);
}

/**
 * min-upvotes: for hide/dim the rule catches papers BELOW N (mute what few people liked);
 * for highlight it catches papers AT OR ABOVE N (point out the popular ones).
 * Papers whose upvotes are unknown never match: we do not guess.
 */
function upvotesTest(rule: FilterRule): (paper: PaperMeta) => boolean {
  const n = Number(rule.pattern.trim());
  const highlight = rule.action === 'highlight';
  return (p) => p.upvotes !== undefined && (highlight ? p.upvotes >= n : p.upvotes < n);
}

/** Null when the rule is invalid (callers report it as failed). Assumes validateRule passed. */
export function compileRule(rule: FilterRule): CompiledRule | null {
  const unlessSrc = rule.unless?.trim() ?? '';
  const unlessKind = rule.kind === 'regex' ? 'regex' : 'keyword';
  const unless = unlessSrc === '' ? null : buildTextTest(unlessKind, unlessSrc, unlessFields(rule));
  if (unlessSrc !== '' && unless === null) return null;
  const main = mainTest(rule);
  if (main === null) return null;
  return { rule, timed: rule.kind === 'regex', test: (p, t) => main(p, t) && !(unless?.(t) ?? false) };
}

/** "unless" looks at the same fields as the rule; for author rules that is the author names. */
function unlessFields(rule: FilterRule): readonly FilterField[] {
  return rule.kind === 'author' ? ['authors'] : rule.fields;
}

function mainTest(rule: FilterRule): ((p: PaperMeta, t: PaperTexts) => boolean) | null {
  if (rule.kind === 'min-upvotes') {
    const up = upvotesTest(rule);
    return (p) => up(p);
  }
  const t = buildTextTest(rule.kind, rule.pattern.trim(), rule.fields);
  return t === null ? null : (_p, texts) => t(texts);
}

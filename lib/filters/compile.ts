import { FILTER_PATTERN_MAX } from './rule-limits';
import type { FilterField, FilterRule } from './rule';
import { keywordTest, type KeywordTest } from './keyword';
import { hasCatastrophicBacktracking } from './safe-regex';
import { linearRegex } from './linear/linear-regex';
import { literalRegex, type LiteralRegex } from './regex-prefilter';
import type { PaperMeta } from '../paper';
import type { PaperTexts } from './text';

export type ValidateResult = { ok: true } | { ok: false; error: string };

const NON_NEGATIVE_INT = /^\d+$/;

/**
 * Check a user regex's syntax and pick its flags: `iu` first, `i` when the source is only valid
 * without Unicode mode. The RegExp returned is never run on page text (linear/ runs the rule).
 */
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

/** A clear sentence for the user when the rule cannot work; also used at apply time (imported rules). */
export function validateRule(rule: FilterRule): ValidateResult {
  const c = compileRule(rule);
  return typeof c === 'string' ? { ok: false, error: c } : { ok: true };
}

/** A rule ready to run: the regexes are built once and reused for every paper of every pass. */
export interface CompiledRule {
  /** As compiled: possibly an earlier object with the same id, kind, action, pattern, unless and fields. */
  rule: FilterRule;
  /**
   * A user-regex rule: it has a time budget per pass and is skipped once over it. Keyword/author
   * regexes are escaped literals (linear time on clipped text): no clock for them, a clock read
   * costs more than their test.
   */
  timed: boolean;
  /** Its test runs a user regex itself (one the pass's literal search cannot find): each call is timed. */
  runsRegex: boolean;
  /** Keyword patterns this rule reads from the pass's keyword matcher (its own and/or its "unless"). */
  keywords: KeywordTest[];
  /** User regexes this rule reads from the pass's regex matcher (which times them). */
  regexes: LiteralRegex[];
  /** Its own pattern when the pass finds it for all rules: papers it does not match are passed over. */
  own?: PassTest;
  /** The rest of its test once `own` matched (its "unless"), or all of it without `own`; null: `own` decides. */
  test: Test | null;
}

/** A test found once per paper for all rules: by the keyword matcher or the regex matcher. */
export type PassTest = KeywordTest | LiteralRegex;

/** `hits`: the pass tests that matched this paper. */
type Test = (paper: PaperMeta, texts: PaperTexts, hits: ReadonlySet<PassTest>) => boolean;

/** What a rule's tests read from the pass, and whether one runs a user regex itself. */
interface Reads {
  keywords: KeywordTest[];
  regexes: LiteralRegex[];
  runsRegex: boolean;
}

/**
 * The test for a pattern of this kind, or why it cannot work (checked in the order the user
 * should fix things). A pattern the pass finds for all rules at once is returned as such, and
 * added to `reads`.
 */
function textTest(
  kind: FilterRule['kind'],
  src: string,
  fields: readonly FilterField[],
  what: string,
  reads: Reads,
): Test | PassTest | string {
  if (src.length > FILTER_PATTERN_MAX) return `${what} is too long (at most ${FILTER_PATTERN_MAX} characters).`;
  if (kind === 'regex') {
    const re = compileUserRegex(src);
    if (!(re instanceof RegExp)) return re.error;
    if (hasCatastrophicBacktracking(src))
      return 'This regular expression could take too long on long abstracts (a repeated group inside a repetition). Simplify it.';
    // Never run natively: the native engine backtracks, and no static check catches every slow case.
    const linear = linearRegex(re.source, re.flags);
    if ('error' in linear) return linear.error;
    const found = literalRegex(re, linear, fields);
    if (found !== null) {
      reads.regexes.push(found);
      return found;
    }
    reads.runsRegex = true;
    return (_p, texts) => fields.some((f) => texts.raw(f).some((s) => linear.test(s)));
  }
  // Author rules always look at author names, whatever fields say: that is what "author" means.
  const kw = keywordTest(src, kind === 'author' ? ['authors'] : fields);
  if (kw === null) return `${what} has no words to look for.`;
  reads.keywords.push(kw);
  return kw;
}

const asTest = (t: Test | PassTest): Test => (typeof t === 'function' ? t : (_p, _t, hits) => hits.has(t));

/**
 * min-upvotes: for hide/dim the rule catches papers BELOW N (mute what few people liked);
 * for highlight it catches papers AT OR ABOVE N (point out the popular ones).
 * Papers whose upvotes are unknown never match: we do not guess.
 */
function upvotesTest(rule: FilterRule, pattern: string): Test | string {
  if (!NON_NEGATIVE_INT.test(pattern)) return 'The minimum upvotes must be a whole number, 0 or more.';
  const n = Number(pattern);
  const highlight = rule.action === 'highlight';
  return (p) => p.upvotes !== undefined && (highlight ? p.upvotes >= n : p.upvotes < n);
}

/** The rule ready to run, or the sentence saying why it cannot (validation and compilation are one). */
export function compileRule(rule: FilterRule): CompiledRule | string {
  const pattern = rule.pattern.trim();
  if (pattern === '') return 'The pattern is empty.';
  const reads: Reads = { keywords: [], regexes: [], runsRegex: false };
  const what = rule.kind === 'regex' ? 'This regular expression' : 'The pattern';
  const main =
    rule.kind === 'min-upvotes'
      ? upvotesTest(rule, pattern)
      : textTest(rule.kind, pattern, rule.fields, what, reads);
  if (typeof main === 'string') return main;
  const unlessSrc = rule.unless?.trim() ?? '';
  // "unless" looks where the rule looks (author names for author rules); a keyword unless the rule is a regex.
  const unlessKind = rule.kind === 'min-upvotes' ? 'keyword' : rule.kind;
  const unless =
    unlessSrc === '' ? null : textTest(unlessKind, unlessSrc, rule.fields, 'The "unless" pattern', reads);
  if (typeof unless === 'string') return unless;
  const unlessTest = unless === null ? null : asTest(unless);
  const timed = rule.kind === 'regex';
  // A pattern the pass finds is the rule's `own`: only its "unless" is left to test.
  if (typeof main !== 'function') {
    const test: Test | null = unlessTest && ((p, t, h) => !unlessTest(p, t, h));
    return { rule, timed, ...reads, own: main, test };
  }
  const test: Test = unlessTest === null ? main : (p, t, h) => main(p, t, h) && !unlessTest(p, t, h);
  return { rule, timed, ...reads, test };
}

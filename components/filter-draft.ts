import {
  DEFAULT_FILTER_FIELDS,
  FilterRule,
  type FilterAction,
  type FilterField,
  type FilterKind,
} from '../lib/filters/rule';
import { validateRule } from '../lib/filters/match';

/** What the filter form edits; becomes a FilterRule only once it validates. */
export interface FilterDraft {
  pattern: string;
  kind: FilterKind;
  fields: FilterField[];
  action: FilterAction;
  unless: string;
}

export const EMPTY_DRAFT: FilterDraft = {
  pattern: '',
  kind: 'keyword',
  fields: [...DEFAULT_FILTER_FIELDS],
  action: 'hide',
  unless: '',
};

export function draftOf(rule: FilterRule): FilterDraft {
  return {
    pattern: rule.pattern,
    kind: rule.kind,
    fields: [...rule.fields],
    action: rule.action,
    unless: rule.unless ?? '',
  };
}

export type DraftResult = { ok: true; rule: FilterRule } | { ok: false; error: string };

function newRuleId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `rule-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * Builds the rule a draft describes (keeping an edited rule's id, state and creation time) and
 * checks it with the same validation the filters use, so the form refuses exactly what would fail.
 */
export function ruleFromDraft(draft: FilterDraft, existing: FilterRule | undefined, now: number): DraftResult {
  const unless = draft.unless.trim();
  const parsed = FilterRule.safeParse({
    id: existing?.id ?? newRuleId(),
    pattern: draft.pattern,
    kind: draft.kind,
    fields: draft.fields,
    action: draft.action,
    ...(unless ? { unless } : {}),
    enabled: existing?.enabled ?? true,
    ...(existing?.snoozeUntil !== undefined ? { snoozeUntil: existing.snoozeUntil } : {}),
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.path[0] === 'fields') return { ok: false, error: 'Choose at least one field to look at.' };
    return { ok: false, error: issue?.message ?? 'This filter is not valid.' };
  }
  const check = validateRule(parsed.data);
  if (!check.ok) return { ok: false, error: check.error };
  return { ok: true, rule: parsed.data };
}

const VERB: Record<FilterAction, string> = { hide: 'hide', dim: 'dim', highlight: 'highlight' };

/** "would hide 7 of 52 papers on this page" — the live preview sentence. */
export function previewSentence(action: FilterAction, matched: number, total: number): string {
  return `would ${VERB[action]} ${matched} of ${total} papers on this page`;
}

/** The label a rule is known by in the UI and in `data-pi-reason`: its pattern. */
export function ruleLabel(rule: Pick<FilterRule, 'pattern'>): string {
  return rule.pattern;
}

import {
  DEFAULT_FILTER_FIELDS,
  type FilterRule,
  type FilterAction,
  type FilterField,
  type FilterKind,
} from '../lib/filters/rule';
import { makeRule } from '../lib/filters/make-rule';

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

/**
 * Builds the rule a draft describes (keeping an edited rule's id, state, snooze and creation time)
 * with the filters' own `makeRule`, so the form refuses exactly what the filters would.
 */
export function ruleFromDraft(draft: FilterDraft, existing: FilterRule | undefined, now: number): DraftResult {
  if (draft.fields.length === 0) return { ok: false, error: 'Choose at least one field to look at.' };
  return makeRule(
    {
      pattern: draft.pattern,
      kind: draft.kind,
      action: draft.action,
      fields: draft.fields,
      unless: draft.unless,
      ...(existing
        ? {
            id: existing.id,
            enabled: existing.enabled,
            createdAt: existing.createdAt,
            ...(existing.snoozeUntil !== undefined ? { snoozeUntil: existing.snoozeUntil } : {}),
          }
        : {}),
    },
    now,
  );
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

import { DEFAULT_FILTER_FIELDS, FilterRule } from './rule';
import { validateRule } from './compile';

export function newRuleId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `r-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export type RuleInput = Pick<FilterRule, 'pattern' | 'kind' | 'action'> &
  Partial<Pick<FilterRule, 'id' | 'fields' | 'unless' | 'enabled' | 'snoozeUntil' | 'createdAt'>>;

/** Fill defaults and validate (schema, then validateRule) so the caller can show one sentence. */
export function makeRule(
  input: RuleInput,
  now: number,
): { ok: true; rule: FilterRule } | { ok: false; error: string } {
  const unless = input.unless?.trim();
  const parsed = FilterRule.safeParse({
    ...input,
    id: input.id ?? newRuleId(),
    fields: input.fields ?? [...DEFAULT_FILTER_FIELDS],
    unless: unless === '' ? undefined : unless,
    enabled: input.enabled ?? true,
    createdAt: input.createdAt ?? now,
    updatedAt: now,
  });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'This rule is not valid.' };
  const v = validateRule(parsed.data);
  return v.ok ? { ok: true, rule: parsed.data } : v;
}

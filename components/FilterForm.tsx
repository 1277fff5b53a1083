import { useId, useMemo, useState } from 'react';
import type { PaperMeta } from '../lib/paper';
import {
  FilterAction,
  FilterField,
  FilterKind,
  type FilterRule,
} from '../lib/filters/rule';
import { useClient } from './page-services';
import { ErrorText } from './ErrorText';
import { FilterPreview } from './FilterPreview';
import { EMPTY_DRAFT, draftOf, ruleFromDraft, type FilterDraft } from './filter-draft';
import { errorMessage } from './error-message';

const KIND_LABEL: Record<FilterKind, string> = {
  keyword: 'Keyword',
  regex: 'Regular expression',
  author: 'Author',
  'min-upvotes': 'Fewer upvotes than',
};
const FIELD_LABEL: Record<FilterField, string> = {
  title: 'Title',
  abstract: 'Abstract',
  keywords: 'HF keywords',
  authors: 'Authors',
};
const ACTION_LABEL: Record<FilterAction, string> = { hide: 'Hide', dim: 'Dim', highlight: 'Highlight' };

/**
 * Adds a rule, or edits one when `rule` is given. Shows a live preview against the current
 * page's papers and refuses an invalid rule (e.g. a broken regex) with a sentence, sending nothing.
 */
export function FilterForm(props: {
  rule?: FilterRule;
  papers: readonly PaperMeta[];
  onDone?: () => void;
}) {
  const { send } = useClient();
  const [draft, setDraft] = useState<FilterDraft>(() => (props.rule ? draftOf(props.rule) : EMPTY_DRAFT));
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const result = useMemo(() => ruleFromDraft(draft, props.rule, Date.now()), [draft, props.rule]);
  const editing = props.rule !== undefined;

  const update = (patch: Partial<FilterDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSubmitError(null);
  };
  const toggleField = (field: FilterField, on: boolean) =>
    update({ fields: on ? [...draft.fields, field] : draft.fields.filter((f) => f !== field) });

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!result.ok) {
      setSubmitError(result.error);
      return;
    }
    setBusy(true);
    try {
      await send({ type: 'upsert-filter', rule: result.rule });
      if (!editing) setDraft(EMPTY_DRAFT);
      props.onDone?.();
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // While typing, only a non-empty pattern can be "wrong"; an empty one is just unfinished.
  const liveError = draft.pattern.trim() && !result.ok ? result.error : null;
  return (
    <form className="pi-form" onSubmit={submit} noValidate aria-label={editing ? `Edit filter ${props.rule?.pattern}` : 'Add a filter'}>
      <label>
        <span>Filter pattern</span>
        <input
          type="text"
          value={draft.pattern}
          onChange={(e) => update({ pattern: e.currentTarget.value })}
          placeholder={draft.kind === 'min-upvotes' ? 'e.g. 10' : 'e.g. diffusion'}
          aria-describedby={`${id}-preview`}
        />
      </label>
      <div className="pi-row">
        <label>
          <span>Kind</span>
          <select value={draft.kind} onChange={(e) => update({ kind: FilterKind.parse(e.currentTarget.value) })}>
            {FilterKind.options.map((k) => (
              <option key={k} value={k}>{KIND_LABEL[k]}</option>
            ))}
          </select>
        </label>
        <label>
          <span>Action</span>
          <select value={draft.action} onChange={(e) => update({ action: FilterAction.parse(e.currentTarget.value) })}>
            {FilterAction.options.map((a) => (
              <option key={a} value={a}>{ACTION_LABEL[a]}</option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>Look in</legend>
        {FilterField.options.map((f) => (
          <label key={f}>
            <input type="checkbox" checked={draft.fields.includes(f)} onChange={(e) => toggleField(f, e.currentTarget.checked)} />
            {FIELD_LABEL[f]}
          </label>
        ))}
      </fieldset>
      <label>
        <span>Unless (optional)</span>
        <input type="text" value={draft.unless} onChange={(e) => update({ unless: e.currentTarget.value })} placeholder="e.g. protein" />
      </label>
      <div id={`${id}-preview`}>
        <FilterPreview result={result} pattern={draft.pattern} papers={props.papers} />
      </div>
      <ErrorText message={submitError ?? liveError} />
      <div className="pi-row">
        <button type="submit" className="pi-primary" disabled={busy}>
          {editing ? 'Save filter' : 'Add filter'}
        </button>
        {editing && (
          <button type="button" onClick={props.onDone}>Cancel</button>
        )}
      </div>
    </form>
  );
}

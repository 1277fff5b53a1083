import { useState } from 'react';
import type { PaperMeta } from '../lib/paper';
import type { FilterRule } from '../lib/filters/rule';
import { useClient } from './page-services';
import { Toggle } from './Toggle';
import { FilterForm } from './FilterForm';
import { ruleLabel } from './filter-draft';
import { errorMessage } from './error-message';
import { ErrorText } from './ErrorText';

const ACTION_PAST: Record<FilterRule['action'], string> = { hide: 'hidden', dim: 'dimmed', highlight: 'highlighted' };

/** One rule: on/off, how many papers it caught on this page, edit inline, delete. */
export function FilterItem(props: {
  rule: FilterRule;
  count: number | undefined;
  failure: string | undefined;
  papers: readonly PaperMeta[];
}) {
  const { rule } = props;
  const { send } = useClient();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = ruleLabel(rule);
  const write = (p: Promise<unknown>) => p.then(() => setError(null), (e: unknown) => setError(errorMessage(e)));

  if (editing) {
    return (
      <li className="pi-rule">
        <FilterForm rule={rule} papers={props.papers} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className="pi-rule" data-pi-rule={rule.id}>
      <div className="pi-row pi-spread">
        <Toggle
          label={`Enable filter ${label}`}
          checked={rule.enabled}
          onChange={(enabled) => void write(send({ type: 'upsert-filter', rule: { ...rule, enabled, updatedAt: Date.now() } }))}
        >
          <span>{label}</span> <span className="pi-muted">({rule.kind}, {rule.action})</span>
        </Toggle>
        <span className="pi-row">
          {props.count !== undefined && rule.enabled && (
            <span className="pi-muted" data-pi-rule-count={rule.id}>
              {props.count} {ACTION_PAST[rule.action]}
            </span>
          )}
          <button type="button" aria-label={`Edit filter ${label}`} onClick={() => setEditing(true)}>Edit</button>
          <button type="button" aria-label={`Delete filter ${label}`} onClick={() => void write(send({ type: 'delete-filter', id: rule.id }))}>
            Delete
          </button>
        </span>
      </div>
      <ErrorText message={props.failure ? `This filter could not run: ${props.failure}` : error} />
    </li>
  );
}

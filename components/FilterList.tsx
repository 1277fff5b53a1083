import { useLiveQuery } from 'dexie-react-hooks';
import type { PaperMeta } from '../lib/paper';
import { getDb } from '../lib/store/db';
import { FilterItem } from './FilterItem';

/** Every rule, oldest first, with its count on the current page when there is one. */
export function FilterList(props: {
  papers: readonly PaperMeta[];
  counts: ReadonlyMap<string, number> | undefined;
  failures: ReadonlyMap<string, string> | undefined;
}) {
  const rules = useLiveQuery(() => getDb().filters.orderBy('createdAt').toArray(), []);
  if (rules === undefined) return null;
  if (rules.length === 0) return <p className="pi-muted">No filters yet. Add one below to hide, dim or highlight topics.</p>;
  return (
    <ul className="pi-rules" aria-label="Filters">
      {rules.map((rule) => (
        <FilterItem
          key={rule.id}
          rule={rule}
          count={props.counts ? (props.counts.get(rule.id) ?? 0) : undefined}
          failure={props.failures?.get(rule.id)}
          papers={props.papers}
        />
      ))}
    </ul>
  );
}

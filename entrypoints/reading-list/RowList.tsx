import { useEffect, useState } from 'react';
import type { Row } from './reading-view';
import { ReadingRow, type RowActions } from './ReadingRow';

/** Rows rendered per step: the DOM stays small with thousands of saved papers. */
export const PAGE_SIZE = 50;

/**
 * Incremental rendering instead of a virtualizer: rows have variable height (tags, notes, an
 * open abstract), and "Show more" keeps find-in-page, tab order and screen readers simple.
 */
export function RowList(props: { rows: readonly Row[]; actions: RowActions; resetKey: string }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  // A new search, filter or sort starts from the top again (edits to a row must not collapse the list).
  useEffect(() => setLimit(PAGE_SIZE), [props.resetKey]);
  const shown = props.rows.slice(0, limit);
  const left = props.rows.length - shown.length;
  return (
    <>
      <ul className="pi-list" aria-label="Saved papers">
        {shown.map((row) => (
          <ReadingRow key={row.entry.paper.id} entry={row.entry} actions={props.actions} />
        ))}
      </ul>
      {left > 0 && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE_SIZE * 2)}>
          Show more ({left} more)
        </button>
      )}
    </>
  );
}

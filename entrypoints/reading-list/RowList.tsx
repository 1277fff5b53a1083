import { useEffect, useState } from 'react';
import type { Row } from './reading-view';
import { ReadingRow, type RowActions } from './ReadingRow';
import { afterPaint } from './after-paint';

/** Rows rendered per step: the DOM stays small with thousands of saved papers. */
export const PAGE_SIZE = 50;

/**
 * Rows in the page's very first frame: about a screenful. Rendering and laying out all 50 rows
 * (each with a note, tag editor and status) took most of the time to the first row; the rest of
 * the step follows right after that frame is painted.
 */
export const FIRST_FRAME_ROWS = 8;

/** False until the list's first frame has been painted. */
function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterPaint(() => setPainted(true)), []);
  return painted;
}

/**
 * Incremental rendering instead of a virtualizer: rows have variable height (tags, notes, an
 * open abstract), and "Show more" keeps find-in-page, tab order and screen readers simple.
 */
export function RowList(props: { rows: readonly Row[]; actions: RowActions; resetKey: string }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const painted = usePainted();
  // A new search, filter or sort starts from the top again (edits to a row must not collapse the list).
  useEffect(() => setLimit(PAGE_SIZE), [props.resetKey]);
  const shown = props.rows.slice(0, painted ? limit : Math.min(limit, FIRST_FRAME_ROWS));
  const left = props.rows.length - Math.min(limit, props.rows.length);
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

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useClient } from '../../components/page-services';
import { ErrorText } from '../../components/ErrorText';
import { UndoBar } from '../../components/UndoBar';
import { errorMessage } from '../../components/error-message';
import { useReadingList } from './useReadingList';
import { filterRows, sortRows, toRow } from './reading-view';
import { Toolbar, type ViewState } from './Toolbar';
import { RowList } from './RowList';
import type { RowActions, SavedPatch } from './ReadingRow';
import { ExportBar } from './ExportBar';
import { BackupBar } from './BackupBar';

const INITIAL_VIEW: ViewState = { query: '', tag: '', status: 'all', sort: 'saved' };

const isInitialView = (v: ViewState) =>
  v.query === INITIAL_VIEW.query && v.tag === INITIAL_VIEW.tag && v.status === INITIAL_VIEW.status && v.sort === INITIAL_VIEW.sort;

/** The list's status line; while the rest loads it says what the rows are drawn from. */
function statusText(shown: number, loaded: number, all: readonly unknown[] | undefined, filtered: boolean): string {
  if (all !== undefined) return `${shown} of ${all.length} papers`;
  if (filtered) return `${shown} of the newest ${loaded} papers so far; loading the rest…`;
  return `Showing the newest ${loaded} papers; loading the rest for search…`;
}

/**
 * The rows the view shows. Until every entry is loaded they come from the newest rows only; the
 * status line says so.
 */
function useVisibleRows(view: ViewState) {
  // Searching, filtering or sorting needs every entry: start loading them at once if not yet done.
  const filtered = !isInitialView(view);
  const { head, all } = useReadingList(filtered);
  const entries = all ?? head?.entries;
  // Typing stays responsive with thousands of rows: the list re-filters at lower priority.
  const query = useDeferredValue(view.query);
  const rows = useMemo(() => (entries ?? []).map(toRow), [entries]);
  const sorted = useMemo(() => sortRows(rows, view.sort), [rows, view.sort]);
  const visible = useMemo(() => filterRows(sorted, query, view.tag, view.status), [sorted, query, view.tag, view.status]);
  const visibleEntries = useMemo(() => visible.map((r) => r.entry), [visible]);
  const complete = all !== undefined;
  const status = statusText(visible.length, entries?.length ?? 0, all, filtered);
  return { head, entries, visible, visibleEntries, complete, status, resetKey: `${query}|${view.tag}|${view.status}|${view.sort}` };
}

/** The reading list page: reads Dexie live, writes through the background. */
export function App() {
  const { send } = useClient();
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const { head, entries, visible, visibleEntries, complete, status, resetKey } = useVisibleRows(view);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ token: string; label: string } | null>(null);

  const actions = useMemo<RowActions>(
    () => ({
      update: (id: string, patch: SavedPatch) =>
        void send({ type: 'update-saved', id, ...patch }).then(() => setError(null), (e: unknown) => setError(errorMessage(e))),
      remove: (id: string, title: string) =>
        void send({ type: 'unsave', id }).then(
          ({ undoToken }) => setUndo({ token: undoToken, label: `Removed “${title}”` }),
          (e: unknown) => setError(errorMessage(e)),
        ),
    }),
    [send],
  );
  const undoRemove = (token: string) => {
    setUndo(null);
    send({ type: 'undo', token }).catch((e: unknown) => setError(errorMessage(e)));
  };
  const dismissUndo = useCallback(() => setUndo(null), []);

  return (
    <main className="pi-page">
      <h1>
        Papers <span>Inbox</span> — Reading list
      </h1>
      {head === undefined || entries === undefined ? (
        <p className="pi-muted">Loading…</p>
      ) : entries.length === 0 ? (
        <>
          <p>Your reading list is empty. Save papers on huggingface.co/papers with the Save button or the s key.</p>
        </>
      ) : (
        <>
          <div className="pi-toolbar">
            <Toolbar view={view} tags={head.tags} onChange={(patch) => setView((v) => ({ ...v, ...patch }))} />
            {/* data-pi-complete: whether search and sort see every saved paper yet (the bench waits for it). */}
            <p className="pi-muted" role="status" data-pi-complete={complete} style={{ margin: 0 }}>
              {status}
            </p>
          </div>
          <ErrorText message={error} />
          {undo && <UndoBar label={undo.label} onUndo={() => undoRemove(undo.token)} onDismiss={dismissUndo} />}
          <ExportBar entries={visibleEntries} loading={!complete} />
          <RowList rows={visible} actions={actions} resetKey={resetKey} />
        </>
      )}
      {/* One instance whatever the list shows: a restore into an empty list must keep its summary. */}
      {head !== undefined && <BackupBar />}
    </main>
  );
}

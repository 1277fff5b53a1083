import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { send } from '../../lib/client';
import { ErrorText } from '../../components/ErrorText';
import { UndoBar } from '../../components/UndoBar';
import { errorMessage } from '../../components/error-message';
import { useReadingList } from './useReadingList';
import { allTags, filterRows, sortRows, toRow } from './reading-view';
import { Toolbar, type ViewState } from './Toolbar';
import { RowList } from './RowList';
import type { RowActions, SavedPatch } from './ReadingRow';
import { ExportBar } from './ExportBar';
import { BackupBar } from './BackupBar';

const INITIAL_VIEW: ViewState = { query: '', tag: '', status: 'all', sort: 'saved' };

/** The reading list page: reads Dexie live, writes through the background. */
export function App() {
  const entries = useReadingList();
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ token: string; label: string } | null>(null);
  // Typing stays responsive with thousands of rows: the list re-filters at lower priority.
  const query = useDeferredValue(view.query);

  const rows = useMemo(() => (entries ?? []).map(toRow), [entries]);
  const sorted = useMemo(() => sortRows(rows, view.sort), [rows, view.sort]);
  const visible = useMemo(() => filterRows(sorted, query, view.tag, view.status), [sorted, query, view.tag, view.status]);
  const visibleEntries = useMemo(() => visible.map((r) => r.entry), [visible]);
  const tags = useMemo(() => allTags(entries ?? []), [entries]);

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
    [],
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
      {entries === undefined ? (
        <p className="pi-muted">Loading…</p>
      ) : entries.length === 0 ? (
        <>
          <p>Your reading list is empty. Save papers on huggingface.co/papers with the Save button or the s key.</p>
        </>
      ) : (
        <>
          <div className="pi-toolbar">
            <Toolbar view={view} tags={tags} onChange={(patch) => setView((v) => ({ ...v, ...patch }))} />
            <p className="pi-muted" role="status" style={{ margin: 0 }}>
              {visible.length} of {entries.length} papers
            </p>
          </div>
          <ErrorText message={error} />
          {undo && <UndoBar label={undo.label} onUndo={() => undoRemove(undo.token)} onDismiss={dismissUndo} />}
          <ExportBar entries={visibleEntries} />
          <RowList rows={visible} actions={actions} resetKey={`${query}|${view.tag}|${view.status}|${view.sort}`} />
        </>
      )}
      {/* One instance whatever the list shows: a restore into an empty list must keep its summary. */}
      {entries !== undefined && <BackupBar />}
    </main>
  );
}

import { useCallback, useState } from 'react';
import { useClient } from '../../components/page-services';
import type { TabCommand } from '../../lib/messages';
import { UndoBar } from '../../components/UndoBar';
import { ErrorText } from '../../components/ErrorText';
import { errorMessage } from '../../components/error-message';
import { plural } from '../../components/format';

interface Undoable {
  token: string;
  label: string;
}

/** Tells the page to show its own undo toast too; the popup may close before the user decides. */
function showToastInTab(tabId: number, command: TabCommand): void {
  try {
    browser.tabs.sendMessage(tabId, command).catch(() => undefined);
  } catch {
    // The tab may be gone or have no content script; the popup's own undo bar still works.
  }
}

/** "Mark all read" for the page's visible unread papers, with an undo bar (product.md §1). */
export function MarkAllRead(props: { tabId: number; unreadIds: readonly string[] }) {
  const { send } = useClient();
  const [undoable, setUndoable] = useState<Undoable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dismiss = useCallback(() => setUndoable(null), []);

  const markAll = async () => {
    if (props.unreadIds.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      const { undoToken } = await send({ type: 'mark-all-read', ids: [...props.unreadIds] });
      const label = `Marked ${plural(props.unreadIds.length, 'paper')} read`;
      setUndoable({ token: undoToken, label });
      showToastInTab(props.tabId, { type: 'show-undo-toast', token: undoToken, label });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const undo = async (token: string) => {
    setUndoable(null);
    try {
      await send({ type: 'undo', token });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <div>
      <div className="pi-row" style={{ marginTop: '0.5rem' }}>
        <button type="button" className="pi-primary" onClick={markAll} disabled={busy || props.unreadIds.length === 0}>
          Mark all read
        </button>
      </div>
      {undoable && <UndoBar label={undoable.label} onUndo={() => void undo(undoable.token)} onDismiss={dismiss} />}
      <ErrorText message={error} />
    </div>
  );
}

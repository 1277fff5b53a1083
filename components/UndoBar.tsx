import { useEffect } from 'react';

/** Product rule: every bulk action offers undo for at least 8 seconds. */
export const UNDO_VISIBLE_MS = 10_000;

/** An inline "Marked N read · Undo" bar that dismisses itself after UNDO_VISIBLE_MS. */
export function UndoBar(props: { label: string; onUndo: () => void; onDismiss: () => void }) {
  const { onDismiss } = props;
  useEffect(() => {
    const timer = setTimeout(onDismiss, UNDO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [onDismiss]);
  return (
    <div className="pi-undo" role="status">
      <span>{props.label}</span>
      <button type="button" className="pi-link" onClick={props.onUndo}>
        Undo
      </button>
    </div>
  );
}

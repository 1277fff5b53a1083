import { useEffect, useRef, useState } from 'react';

/** Typing pauses longer than this save the note; blur saves at once. */
export const NOTE_SAVE_DELAY_MS = 800;

/**
 * A note that saves itself (debounced and on blur). While the user is editing, their text wins
 * over updates from other tabs; otherwise the stored note is shown.
 */
export function NoteField(props: { note: string; title: string; onSave: (note: string) => void }) {
  const { note, onSave } = props;
  const [text, setText] = useState(note);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!dirty.current) setText(note);
  }, [note]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const flush = (value: string) => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    if (value !== note) onSave(value);
  };
  return (
    <textarea
      aria-label={`Note for ${props.title}`}
      placeholder="Note"
      value={text}
      maxLength={20_000}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setText(value);
        dirty.current = true;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flush(value), NOTE_SAVE_DELAY_MS);
      }}
      onBlur={(e) => flush(e.currentTarget.value)}
    />
  );
}

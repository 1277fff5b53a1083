import { useId, useState } from 'react';

/** The abstract, collapsed by default so a long list stays scannable. */
export function AbstractToggle(props: { text: string | undefined }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!props.text) return null;
  return (
    <div>
      <button type="button" className="pi-link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? 'Hide abstract' : 'Show abstract'}
      </button>
      {open && <p className="pi-abstract" id={id}>{props.text}</p>}
    </div>
  );
}

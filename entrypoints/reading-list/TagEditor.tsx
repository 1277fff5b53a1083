import { useState } from 'react';

/** Tags as removable chips plus an input that adds one on Enter. */
export function TagEditor(props: { tags: readonly string[]; title: string; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const add = () => {
    const tag = draft.trim().slice(0, 60);
    setDraft('');
    if (tag && !props.tags.includes(tag)) props.onChange([...props.tags, tag]);
  };
  return (
    <div className="pi-row">
      {props.tags.map((tag) => (
        <span className="pi-tag" key={tag}>
          {tag}
          <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => props.onChange(props.tags.filter((t) => t !== tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        type="text"
        aria-label={`Add tag to ${props.title}`}
        placeholder="Add tag"
        size={10}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
    </div>
  );
}

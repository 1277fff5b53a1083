import { useEffect, useRef } from 'react';
import type { SortKey, StatusFilter } from './reading-view';

export interface ViewState {
  query: string;
  tag: string;
  status: StatusFilter;
  sort: SortKey;
}

/** Search, tag / status filters and sort for the reading list. */
export function Toolbar(props: { view: ViewState; tags: readonly string[]; onChange: (patch: Partial<ViewState>) => void }) {
  const { view, onChange } = props;
  const search = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // "/" jumps to search, as on GitHub and HF, unless the user is already typing somewhere.
    const onKey = (e: KeyboardEvent) => {
      const target = e.target;
      const typing = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        search.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <input
        ref={search}
        type="search"
        aria-label="Search reading list"
        placeholder="Search titles, abstracts, authors, notes and tags (press /)"
        value={view.query}
        onChange={(e) => onChange({ query: e.currentTarget.value })}
      />
      <div className="pi-row">
      <label>
        <span>Tag</span>
        <select aria-label="Filter by tag" value={view.tag} onChange={(e) => onChange({ tag: e.currentTarget.value })}>
          <option value="">All tags</option>
          {props.tags.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label>
        <span>Status</span>
        <select
          aria-label="Filter by status"
          value={view.status}
          onChange={(e) => onChange({ status: parseStatus(e.currentTarget.value) })}
        >
          <option value="all">All</option>
          <option value="to-read">To read</option>
          <option value="done">Done</option>
        </select>
      </label>
      <label>
        <span>Sort</span>
        <select aria-label="Sort by" value={view.sort} onChange={(e) => onChange({ sort: parseSort(e.currentTarget.value) })}>
          <option value="saved">Saved date</option>
          <option value="published">Published date</option>
          <option value="upvotes">Upvotes</option>
        </select>
      </label>
      </div>
    </>
  );
}

function parseStatus(v: string): StatusFilter {
  return v === 'to-read' || v === 'done' ? v : 'all';
}
function parseSort(v: string): SortKey {
  return v === 'published' || v === 'upvotes' ? v : 'saved';
}

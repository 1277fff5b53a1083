import { memo } from 'react';
import { hfPaperUrl } from '../../lib/paper';
import type { ReadingListEntry } from '../../lib/export/entry';
import type { RequestOf } from '../../lib/messages';
import { SavedStatus } from '../../lib/store/records';
import { formatDate } from '../../components/format';
import { AbstractToggle } from './AbstractToggle';
import { PaperLinks } from './PaperLinks';
import { TagEditor } from './TagEditor';
import { NoteField } from './NoteField';
import { sameEntry } from './reading-view';

export type SavedPatch = Omit<RequestOf<'update-saved'>, 'type' | 'id'>;

export interface RowActions {
  update: (id: string, patch: SavedPatch) => void;
  remove: (id: string, title: string) => void;
}

/**
 * One saved paper. Everything from HF is rendered as text by React (never as HTML): titles and
 * abstracts come from a third-party page.
 */
type RowProps = { entry: ReadingListEntry; actions: RowActions };

/** A re-read that changed nothing this row shows doesn't re-render it. */
function sameRow(prev: RowProps, next: RowProps): boolean {
  return prev.actions === next.actions && sameEntry(prev.entry, next.entry);
}

export const ReadingRow = memo(function ReadingRow(props: RowProps) {
  const { paper, saved } = props.entry;
  const { update, remove } = props.actions;
  const title = paper.title?.trim() || paper.id;
  const published = formatDate(paper.publishedAt);
  return (
    <li className="pi-entry" data-pi-id={paper.id} data-pi-status={saved.status}>
      <h2>
        <a href={hfPaperUrl(paper.id)} target="_blank" rel="noreferrer">{title}</a>
      </h2>
      {paper.authors && paper.authors.length > 0 && <div>{paper.authors.join(', ')}</div>}
      <div className="pi-muted">
        {published && <>Published {published} · </>}Saved {formatDate(saved.savedAt)}
        {paper.upvotes !== undefined && <> · {paper.upvotes} upvotes</>}
      </div>
      {paper.keywords && paper.keywords.length > 0 && (
        <div className="pi-row" aria-label="HF keywords">
          {paper.keywords.map((k) => <span className="pi-chip" key={k}>{k}</span>)}
        </div>
      )}
      <AbstractToggle text={paper.summary} />
      <PaperLinks paper={paper} />
      <TagEditor tags={saved.tags} title={title} onChange={(tags) => update(paper.id, { tags })} />
      <NoteField note={saved.note} title={title} onSave={(note) => update(paper.id, { note })} />
      <div className="pi-row">
        <label>
          <span className="pi-muted">Status </span>
          <select
            aria-label={`Status of ${title}`}
            value={saved.status}
            onChange={(e) => update(paper.id, { status: SavedStatus.parse(e.currentTarget.value) })}
          >
            <option value="to-read">To read</option>
            <option value="done">Done</option>
          </select>
        </label>
        <button type="button" onClick={() => remove(paper.id, title)}>Remove from reading list</button>
      </div>
    </li>
  );
}, sameRow);

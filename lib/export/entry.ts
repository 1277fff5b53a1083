import type { PaperRecord, SavedRecord } from '../store/records';

/** One reading-list row as the exporters see it: the paper's metadata plus the user's annotations. */
export interface ReadingListEntry {
  paper: PaperRecord;
  saved: SavedRecord;
}

import type { FilterEngine } from '../filters/match';
import type { FilterRule } from '../filters/rule';
import type { PaperMeta } from '../paper';
import { MAX_EXAMPLES, type SignalInputs } from '../ranking/signals';
import type { PapersInboxDb } from '../store/db';
import type { PaperRecord } from '../store/records';

/**
 * What the "for you" model learns from, read from the tables the extension keeps anyway: the
 * reading list, the most recently read and shown papers (by index, never a scan of all papers),
 * and which of them the user's hide rules take away. Also the papers for the idf.
 */
export async function readSignalInputs(
  db: PapersInboxDb,
  filters: FilterEngine,
  now: number,
  yieldTask: () => Promise<void>,
): Promise<SignalInputs & { corpus: PaperMeta[] }> {
  const { rows, saved, rules } = await db.transaction('r', [db.papers, db.saved, db.filters], async () => {
    const savedRows = await db.saved.toArray();
    const [savedPapers, read, shown, rules] = await Promise.all([
      db.papers.bulkGet(savedRows.map((row) => row.id)),
      db.papers.orderBy('readAt').reverse().limit(MAX_EXAMPLES).toArray(),
      db.papers.orderBy('firstShownAt').reverse().limit(MAX_EXAMPLES).toArray(),
      db.filters.toArray(),
    ]);
    const rows = new Map<string, PaperRecord>();
    for (const row of [...savedPapers, ...read, ...shown]) if (row) rows.set(row.id, row);
    return { rows: [...rows.values()], saved: new Map(savedRows.map((row) => [row.id, row.savedAt])), rules };
  });
  return { papers: rows, saved, hidden: await hiddenBy(filters, rules, rows, now, yieldTask), now, corpus: rows };
}

/** Papers per filter pass: 100 rules over 1,000 papers take ~15 ms, so a chunk stays far under 50 ms. */
const FILTER_CHUNK = 500;

/** Ids the enabled hide rules take off the user's pages (a mute is one), a chunk per task. */
async function hiddenBy(
  filters: FilterEngine,
  rules: readonly FilterRule[],
  papers: readonly PaperMeta[],
  now: number,
  yieldTask: () => Promise<void>,
): Promise<Set<string>> {
  const hideRules = rules.filter((rule) => rule.enabled && rule.action === 'hide');
  const hidden = new Set<string>();
  if (hideRules.length === 0) return hidden;
  for (let start = 0; start < papers.length; start += FILTER_CHUNK) {
    await yieldTask();
    const { verdicts } = filters.applyTopicFilters(papers.slice(start, start + FILTER_CHUNK), hideRules, now);
    for (const [id, verdict] of verdicts) if (verdict.action === 'hide') hidden.add(id);
  }
  return hidden;
}

import { useLiveQuery } from 'dexie-react-hooks';
import { hfPaperUrl } from '../../lib/paper';
import { isCurrentModel } from '../../lib/ranking/model';
import { savesStillNeeded } from '../../lib/ranking/signals';
import { rankForYou, type RankedPaper } from '../../lib/ranking/top';
import { getDb } from '../../lib/store/db';
import { withoutRecordFields } from '../../lib/store/repository';

const TOP = 5;

type ForYou = { needs: number; top: RankedPaper[] | null };

/** Today's unread papers ranked by the stored model (null: no model yet, it is training). */
async function loadForYou(): Promise<ForYou> {
  const db = getDb();
  const [saves, row, today] = await Promise.all([db.saved.count(), db.ranking.get('model'), db.meta.get('today')]);
  const needs = savesStillNeeded(saves);
  if (needs > 0 || !isCurrentModel(row)) return { needs, top: null };
  const records = today ? await db.papers.bulkGet(today.ids) : [];
  const unread = records.flatMap((record) => (record && record.readAt === undefined ? [withoutRecordFields(record)] : []));
  return { needs, top: rankForYou(row, unread).slice(0, TOP) };
}

function plural(n: number): string {
  return n === 1 ? '1 more save' : `${n} more saves`;
}

/** "For you": today's top 5 with their reasons, or how many saves the model still needs. */
export function ForYouSection() {
  const data = useLiveQuery(loadForYou, []);
  if (!data) return null;
  return (
    <section className="pi-card" aria-labelledby="pi-for-you-h">
      <h2 className="pi-h" id="pi-for-you-h">For you today</h2>
      {data.needs > 0 ? (
        <p className="pi-muted" data-pi-for-you-needs={data.needs}>
          Needs {plural(data.needs)} to rank today's papers for you (learned on this device from what you save, read and mute).
        </p>
      ) : data.top === null ? (
        <p className="pi-muted">Learning from your saves…</p>
      ) : data.top.length === 0 ? (
        <p className="pi-muted">Nothing unread in today's list.</p>
      ) : (
        <ol className="pi-for-you">
          {data.top.map(({ meta, score, why }) => (
            <li key={meta.id} data-pi-id={meta.id} data-pi-score={score}>
              <a href={hfPaperUrl(meta.id)} target="_blank" rel="noreferrer">{meta.title ?? meta.id}</a>
              <span className="pi-muted"> {why}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/store/db';
import type { SyncStatus } from '../../lib/sync/sync-row';
import { Toggle } from '../../components/Toggle';
import { ErrorText } from '../../components/ErrorText';
import { droppedLine, syncedLine } from '../../components/sync-status-text';

/** Says exactly what leaves the device, and to whom, before the user turns it on. */
export const SYNC_WHAT_IS_SENT =
  "Your reading list, rules, settings and the last 60 days of read papers go to your browser's own sync (Chrome or Firefox account). Nothing goes to us.";

/**
 * The sync switch (off by default) with what it sends where and, while on, what the last sync
 * carried and any problem, as sentences. The status is the background's `sync` row, read live.
 */
export function SyncSetting(props: { on: boolean; onChange: (on: boolean) => void }) {
  const status = useLiveQuery(async () => (await getDb().sync.get('device'))?.status, []);
  return (
    <div className="pi-sync">
      <Toggle label="Sync through your browser" checked={props.on} onChange={props.onChange} describedBy="pi-sync-what" />
      <p className="pi-muted" id="pi-sync-what">
        {SYNC_WHAT_IS_SENT}
      </p>
      {props.on && <SyncStatusLines status={status} />}
    </div>
  );
}

function SyncStatusLines(props: { status: SyncStatus | undefined }) {
  const { status } = props;
  const synced = status?.lastSyncAt !== undefined;
  const dropped = status && synced ? droppedLine(status) : null;
  return (
    <>
      <p role="status" data-pi-sync-status="">
        {status && synced ? syncedLine(status) : 'Not synced yet.'}
      </p>
      {dropped && <p className="pi-muted">{dropped}</p>}
      <ErrorText message={status?.lastError} />
    </>
  );
}

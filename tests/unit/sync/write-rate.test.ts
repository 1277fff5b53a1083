import { expect, it } from 'vitest';
import { SYNC_QUOTAS } from '../../../lib/sync/quotas';
import { pruneWriteLog, writeDelay } from '../../../lib/sync/write-rate';
import { MemorySyncArea } from '../../support/memory-sync-area';

it('keeps a pusher that always waits writeDelay under both of the browser\'s write rates', async () => {
  let clock = 0;
  const area = new MemorySyncArea(() => clock);
  let log: number[] = [];
  // Two hours of a user editing every half second, each push being a set and a remove.
  for (let edit = 0; edit < 14_400; edit++) {
    clock += 500;
    const wait = writeDelay(log, clock, 2, SYNC_QUOTAS);
    if (wait > 0) continue; // this edit joins the next push
    await area.set({ 'pi:x': edit });
    await area.remove(['pi:y']);
    log = pruneWriteLog([...log, clock, clock], clock);
  }
  expect(log.length).toBeLessThanOrEqual(SYNC_QUOTAS.writesPerHour);
  expect(log.length).toBeGreaterThan(SYNC_QUOTAS.writesPerHour - 4);
});

it('waits until the oldest writes of the full window have aged out', () => {
  const quotas = { writesPerMinute: 3, writesPerHour: 100 };
  expect(writeDelay([], 0, 2, quotas)).toBe(0);
  expect(writeDelay([1_000, 2_000], 10_000, 1, quotas)).toBe(0);
  expect(writeDelay([1_000, 2_000, 3_000], 10_000, 2, quotas)).toBe(2_000 + 60_000 - 10_000);
  expect(writeDelay([], 0, 4, quotas)).toBe(Number.POSITIVE_INFINITY);
});

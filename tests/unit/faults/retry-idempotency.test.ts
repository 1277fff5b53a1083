import { beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../lib/background/handle-request';
import type { Request } from '../../../lib/messages';
import { getDb } from '../../../lib/store/db';
import { FilterEngine } from '../../../lib/filters/match';

/**
 * A content script retries a write whose reply was lost. When the service worker stopped after the
 * commit but before replying (tests/e2e/faults-worker.e2e.ts freezes it exactly there), the retry
 * arrives with the same token: it must not write a second undo entry, or Undo would restore "read".
 */
const ORIGIN = 'chrome-extension://test-id/';
const sender = { id: 'test-id', url: 'https://huggingface.co/papers/week/2026-W30', tab: { id: 3 } };
const ids = ['2607.10000', '2607.10001', '2607.10002'];

const handler = () =>
  createRequestHandler({
    db: getDb(),
    now: () => 1_000,
    runtimeId: 'test-id',
    extensionOrigin: ORIGIN,
    notifyTabs: () => undefined,
    onStateChange: () => undefined,
    tabSummaries: { get: async () => null, set: async () => undefined },
    refreshToday: async () => ({ ok: true }),
    filters: new FilterEngine(),
    reportError: () => undefined,
  });

async function send(request: Request): Promise<unknown> {
  const reply = await handler()(request, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.data;
}

const readIds = async () => (await getDb().papers.toArray()).filter((p) => p.readAt !== undefined).map((p) => p.id);

beforeEach(async () => {
  await Promise.all(getDb().tables.map((t) => t.clear()));
  await send({ type: 'cards-shown', loadId: 'load-1', papers: ids.map((id) => ({ id, title: id })) });
});

describe('a retried write (same token) counts once', () => {
  it('mark all read, retried after its commit: one undo entry, and Undo restores every paper to unread', async () => {
    const request: Request = { type: 'mark-all-read', ids, token: 'retry-token-1' };
    const first = await send(request);
    const retry = await send(request);
    expect(retry).toEqual(first);
    expect(await getDb().undo.count()).toBe(1);
    expect(await send({ type: 'undo', token: 'retry-token-1' })).toEqual({ restored: ids.length });
    expect(await readIds()).toEqual([]);
  });

  it('mark as unread, retried: Undo restores read', async () => {
    await send({ type: 'set-read', ids: ids.slice(0, 1), read: true });
    const request: Request = { type: 'set-read', ids: ids.slice(0, 1), read: false, token: 'retry-token-2' };
    await send(request);
    await send(request);
    await send({ type: 'undo', token: 'retry-token-2' });
    expect(await readIds()).toEqual(ids.slice(0, 1));
  });

  it('save, retried after its commit: Undo takes the paper off the reading list again', async () => {
    const request: Request = { type: 'save', paper: { id: ids[0] ?? '', title: 'A paper' }, token: 'retry-token-3' };
    await send(request);
    await send(request);
    await send({ type: 'undo', token: 'retry-token-3' });
    expect(await getDb().saved.count()).toBe(0);
  });

  it('unsave, retried after its commit: Undo puts the paper back with its tags', async () => {
    await send({ type: 'save', paper: { id: ids[0] ?? '', title: 'A paper' } });
    await getDb().saved.update(ids[0] ?? '', { tags: ['keep'] });
    const request: Request = { type: 'unsave', id: ids[0] ?? '', token: 'retry-token-4' };
    await send(request);
    await send(request);
    await send({ type: 'undo', token: 'retry-token-4' });
    expect((await getDb().saved.toArray()).map((s) => s.tags)).toEqual([['keep']]);
  });

  it('without a token (older senders) every request is its own write, as before', async () => {
    await send({ type: 'mark-all-read', ids });
    await send({ type: 'mark-all-read', ids });
    expect(await getDb().undo.count()).toBe(2);
  });
});

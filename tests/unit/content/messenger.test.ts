import { describe, expect, it } from 'vitest';
import { createMessenger, RETRY_DELAYS_MS, UNREACHABLE } from '../../../lib/content/messenger';
import type { Transport } from '../../../lib/transport';

const STORAGE_FULL = 'Storage is full: free some disk space or remove papers from the reading list, then try again.';

function messenger(transport: Transport) {
  const failures: string[] = [];
  const slept: number[] = [];
  const request = createMessenger({
    transport,
    onDead: () => failures.push('dead'),
    onFailure: (sentence) => failures.push(sentence),
    sleep: async (ms) => void slept.push(ms),
  });
  return { request, failures, slept };
}

describe('the content script messenger', () => {
  it('gives the background’s refusal to the user at once, without asking again', async () => {
    let attempts = 0;
    const { request, failures, slept } = messenger(async () => {
      attempts += 1;
      return { ok: false, error: STORAGE_FULL };
    });
    expect(await request({ type: 'unsave', id: '2507.00001' })).toBeNull();
    expect({ attempts, failures, slept }).toEqual({ attempts: 1, failures: [STORAGE_FULL], slept: [] });
  });

  it('retries a lost message, then says the background could not be reached', async () => {
    let attempts = 0;
    const { request, failures, slept } = messenger(async () => {
      attempts += 1;
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    expect(await request({ type: 'unsave', id: '2507.00001' })).toBeNull();
    expect({ attempts, failures, slept }).toEqual({ attempts: RETRY_DELAYS_MS.length + 1, failures: [UNREACHABLE], slept: [...RETRY_DELAYS_MS] });
  });

  it('treats a missing reply as lost (retried), and tells nobody when a retry succeeds', async () => {
    let attempts = 0;
    const { request, failures } = messenger(async () => (++attempts < 2 ? undefined : { ok: true, data: { rules: [], settings: {} } }));
    expect(await request({ type: 'get-page-context' })).toEqual({ rules: [], settings: {} });
    expect({ attempts, failures }).toEqual({ attempts: 2, failures: [] });
  });
});

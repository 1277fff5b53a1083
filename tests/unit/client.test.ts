import { afterEach, describe, expect, it } from 'vitest';
import { RefusedError, RequestError, send, setTransport } from '../../lib/client';
import { sendUnparsed } from '../../lib/transport';

afterEach(() => setTransport(async () => undefined));

describe("the extension pages' client", () => {
  it('hands over an answer of the right shape', async () => {
    setTransport(async () => ({ ok: true, data: { undoToken: 't1' } }));
    expect(await send({ type: 'set-read', ids: ['2502.00001'], read: true })).toEqual({ undoToken: 't1' });
  });

  it('refuses an answer of the wrong shape with a sentence instead of rendering it', async () => {
    setTransport(async () => ({ ok: true, data: { restored: 1 } }));
    const sent = send({ type: 'set-read', ids: ['2502.00001'], read: true });
    await expect(sent).rejects.toThrow(RequestError);
    await expect(sent).rejects.toThrow(/malformed answer to "set-read"/);
    setTransport(async () => ({ ok: true, data: { summary: 'not a summary' } }));
    await expect(send({ type: 'get-tab-summary', tabId: 1 })).rejects.toThrow(/malformed/);
  });

  it("passes the background's refusal on as a RefusedError, and no answer as a RequestError", async () => {
    setTransport(async () => ({ ok: false, error: 'Storage is full.' }));
    await expect(send({ type: 'undo', token: 't' })).rejects.toThrow(RefusedError);
    setTransport(async () => undefined);
    const unanswered = send({ type: 'undo', token: 't' });
    await expect(unanswered).rejects.toThrow(RequestError);
    await expect(unanswered).rejects.not.toThrow(RefusedError);
  });
});

describe("the content script's sender", () => {
  it('unwraps the reply without parsing it (the content script carries no schemas)', async () => {
    setTransport(async () => ({ ok: true, data: { restored: 1 } }));
    expect(await sendUnparsed({ type: 'set-read', ids: ['2502.00001'], read: true })).toEqual({ restored: 1 });
  });
});

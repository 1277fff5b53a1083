import { describe, expect, it } from 'vitest';
import { createClient, RefusedError, RequestError, type Transport } from '../../lib/client';
import { sendUnparsed } from '../../lib/transport';

/** A client whose every request gets this answer. */
const answering = (reply: unknown) => createClient(async () => reply);

describe("the extension pages' client", () => {
  it('hands over an answer of the right shape', async () => {
    const { send } = answering({ ok: true, data: { undoToken: 't1' } });
    expect(await send({ type: 'set-read', ids: ['2502.00001'], read: true })).toEqual({ undoToken: 't1' });
  });

  it('refuses an answer of the wrong shape with a sentence instead of rendering it', async () => {
    const sent = answering({ ok: true, data: { restored: 1 } }).send({ type: 'set-read', ids: ['2502.00001'], read: true });
    await expect(sent).rejects.toThrow(RequestError);
    await expect(sent).rejects.toThrow(/malformed answer to "set-read"/);
    const { send } = answering({ ok: true, data: { summary: 'not a summary' } });
    await expect(send({ type: 'get-tab-summary', tabId: 1 })).rejects.toThrow(/malformed/);
  });

  it("passes the background's refusal on as a RefusedError, and no answer as a RequestError", async () => {
    await expect(answering({ ok: false, error: 'Storage is full.' }).send({ type: 'undo', token: 't' })).rejects.toThrow(RefusedError);
    const unanswered = answering(undefined).send({ type: 'undo', token: 't' });
    await expect(unanswered).rejects.toThrow(RequestError);
    await expect(unanswered).rejects.not.toThrow(RefusedError);
  });

  it('sends through its own transport only (two clients, two backgrounds)', async () => {
    const sent: string[] = [];
    const to = (name: string): Transport => async (request) => (sent.push(`${name}:${request.type}`), { ok: true, data: { restored: 0 } });
    const [a, b] = [createClient(to('a')), createClient(to('b'))];
    await b.send({ type: 'undo', token: 't' });
    await a.send({ type: 'undo', token: 't' });
    expect(sent).toEqual(['b:undo', 'a:undo']);
  });
});

describe("the content script's sender", () => {
  it('unwraps the reply without parsing it (the content script carries no schemas)', async () => {
    const transport: Transport = async () => ({ ok: true, data: { restored: 1 } });
    expect(await sendUnparsed(transport, { type: 'set-read', ids: ['2502.00001'], read: true })).toEqual({ restored: 1 });
  });
});

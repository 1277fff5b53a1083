import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRequestHandler, type RequestHandlerDeps } from '../../../lib/background/handle-request';
import { ROUTE_GROUPS, ROUTES } from '../../../lib/background/routes';
import type { RouteTable } from '../../../lib/background/routes/route';
import { Request, Responses } from '../../../lib/messages';
import { PapersInboxDb } from '../../../lib/store/db';
import { FilterEngine } from '../../../lib/filters/match';

const requestTypes = Request.options.map((schema) => schema.shape.type.value);
const page = { id: 'abc', url: 'https://huggingface.co/papers', tab: { id: 3 } };

describe('the route table', () => {
  it('routes every request type of lib/messages.ts exactly once, across all groups', () => {
    const routed = ROUTE_GROUPS.flatMap((group) => Object.keys(group));
    for (const type of requestTypes) expect(routed.filter((t) => t === type), type).toHaveLength(1);
    expect(routed.sort()).toEqual([...requestTypes].sort());
  });

  it("gives each route its request's own schema and the response schema the client parses with", () => {
    for (const schema of Request.options) {
      const type = schema.shape.type.value;
      expect(ROUTES[type].request, type).toBe(schema);
      expect(ROUTES[type].response, type).toBe(Responses[type]);
    }
  });

  it('opens to huggingface.co pages only what a page needs (never settings, rules, backups or list edits)', () => {
    const open = Object.entries(ROUTES).flatMap(([type, route]) => (route.openToContentScripts ? [type] : []));
    expect(open.sort()).toEqual(
      ['cards-shown', 'get-states', 'get-month-states', 'set-read', 'mark-all-read', 'undo', 'save', 'unsave', 'get-page-context', 'report-page', 'refresh-today', 'open-reading-list', 'mute'].sort(),
    );
  });
});

describe('the dispatcher', () => {
  let db: PapersInboxDb;
  let deps: RequestHandlerDeps;
  beforeEach(() => {
    db = new PapersInboxDb(`routes-${Math.random()}`);
    deps = {
      db,
      now: () => 1_000,
      runtimeId: 'abc',
      extensionOrigin: 'chrome-extension://abc/',
      notifyTabs: vi.fn(),
      onStateChange: vi.fn(),
      tabSummaries: { get: async () => null, set: async () => undefined },
      refreshToday: async () => ({ ok: true }),
      filters: new FilterEngine(),
      reportError: vi.fn(),
    };
  });
  afterEach(async () => {
    await db.delete();
  });

  it('catches a route whose answer has the wrong shape: a sentence for the user, the error for the problems row', async () => {
    // A bug the types would not see (the answer came from an untyped source): `restored` where `undoToken` belongs.
    const wrongAnswer = (async () => JSON.parse('{"restored":1}')) as RouteTable['set-read']['handle'];
    const routes: RouteTable = { ...ROUTES, 'set-read': { ...ROUTES['set-read'], handle: wrongAnswer } };
    const handle = createRequestHandler(deps, routes);
    const reply = await handle({ type: 'set-read', ids: ['2502.00001'], read: true }, page);
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/answered "set-read" wrongly/) });
    expect(deps.reportError).toHaveBeenCalledWith('background/set-read', expect.objectContaining({ message: expect.stringMatching(/undoToken/) }));
    // The real route answers in shape.
    expect(await createRequestHandler(deps)({ type: 'set-read', ids: ['2502.00001'], read: true }, page)).toMatchObject({ ok: true });
  });

  it('finds no route for inherited names', async () => {
    const handle = createRequestHandler(deps);
    for (const type of ['toString', '__proto__', 'constructor', 'hasOwnProperty']) {
      expect(await handle({ type }, page)).toEqual({ ok: false, error: `The "${type}" request was malformed or unknown, so nothing was changed.` });
    }
  });
});

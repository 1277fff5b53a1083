import { validateRule } from '../../filters/match';
import { makeRule } from '../../filters/make-rule';
import { DeleteFilter, Done, Mute, UndoToken, UpsertFilter } from '../../messages';
import * as repo from '../../store/repository';
import { Refusal, type RouteTable } from './route';

/** Topic filter rules: the popup's editor, and a card's one-click mute. */
export const ruleRoutes = {
  'upsert-filter': {
    request: UpsertFilter,
    response: Done,
    openToContentScripts: false,
    invalidates: { rules: true },
    handle: async (req, deps) => {
      // The same validation as the popup's form and mute: an invalid rule is only stored switched off.
      const valid = validateRule(req.rule);
      if (!valid.ok && req.rule.enabled) throw new Refusal(valid.error);
      await repo.upsertFilter(deps.db, { ...req.rule, updatedAt: deps.now() });
      return null;
    },
  },
  'delete-filter': {
    request: DeleteFilter,
    response: Done,
    openToContentScripts: false,
    invalidates: { rules: true },
    handle: async (req, deps) => {
      await repo.deleteFilter(deps.db, req.id);
      return null;
    },
  },
  mute: {
    request: Mute,
    response: UndoToken,
    // Unlike upsert-filter: the background builds the rule, so a page can only add a narrow hide rule.
    openToContentScripts: true,
    invalidates: (req) => ({ rules: true, origin: req.token }),
    handle: async (req, deps) => {
      const fields = req.kind === 'author' ? ['authors' as const] : undefined;
      // makeRule runs validateRule too: a mute is refused as an edited rule would be.
      const made = makeRule({ pattern: req.pattern, kind: req.kind, action: 'hide', fields }, deps.now());
      if (!made.ok) throw new Refusal(made.error);
      const undoToken = await repo.muteWithUndo(deps.db, made.rule, deps.now(), req.token);
      // No rule id in the answer: after a retried commit it would name a rule that was never stored.
      return { undoToken };
    },
  },
} satisfies Partial<RouteTable>;

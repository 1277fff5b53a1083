import type { Settings } from '../settings';
import type { StoreChanged } from '../messages';
// Same as lib/paper.ts ARXIV_ID_PATTERN, copied so this file doesn't import Zod schemas.
const ARXIV_ID_PATTERN = /^\d{4}\.\d{4,5}$/;

/** What a page needs of the rules and settings: whether any rule is on (the background runs them) and the settings. */
export type PageContext = { filtersOn: boolean; settings: Settings };

/** A store-changed as the page applies it: its context reduced to what the page uses. */
export type PageChange = Omit<StoreChanged, 'context'> & { context?: PageContext };

/** The background's commands to a tab, checked. */
export type TabCommand = PageChange | { type: 'show-undo-toast'; token: string; label: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optionalBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((id) => typeof id === 'string' && ARXIV_ID_PATTERN.test(id));

/**
 * The settings of a store-changed's context, when each field the page reads has its type (the
 * background parsed them with Zod before sending); null otherwise, and the page asks for them.
 */
function settingsOf(v: unknown): Settings | null {
  if (!isRecord(v)) return null;
  const { markReadOnScrollPast, badge, readCards, cardOrder, sync } = v;
  const strings = [badge, readCards, cardOrder].every((s) => typeof s === 'string');
  if (!strings || typeof markReadOnScrollPast !== 'boolean' || typeof sync !== 'boolean') return null;
  return v as Settings;
}

/** A page context (`get-page-context`'s answer, or a store-changed's) as the page uses it; undefined when malformed. */
export function pageContextOf(v: unknown): PageContext | undefined {
  if (!isRecord(v) || !Array.isArray(v.rules)) return undefined;
  const settings = settingsOf(v.settings);
  const filtersOn = v.rules.some((rule) => isRecord(rule) && rule.enabled === true);
  return settings ? { filtersOn, settings } : undefined;
}

/**
 * Hand-written check of the background's commands: keeps Zod out of the content-script bundle.
 * Anything malformed is ignored (null).
 */
export function parseTabCommand(message: unknown): TabCommand | null {
  if (!isRecord(message)) return null;
  if (message.type === 'store-changed') {
    const { ids, rules, settings, states } = message;
    if (!optionalBool(rules) || !optionalBool(settings)) return null;
    if (ids !== undefined && !isIdList(ids)) return null;
    const command: TabCommand = { type: 'store-changed' };
    if (isIdList(ids)) command.ids = ids;
    if (typeof rules === 'boolean') command.rules = rules;
    if (typeof settings === 'boolean') command.settings = settings;
    // Without valid states the page re-reads them (get-states): a bad field costs a round trip, no more.
    if (isRecord(states) && isIdList(states.read) && isIdList(states.saved)) command.states = { read: states.read, saved: states.saved };
    const context = pageContextOf(message.context);
    if (context) command.context = context;
    return command;
  }
  if (message.type === 'show-undo-toast') {
    const { token, label } = message;
    if (typeof token !== 'string' || token.length === 0 || typeof label !== 'string' || label.length > 200) return null;
    return { type: 'show-undo-toast', token, label };
  }
  return null;
}

import type { TabCommand } from '../messages';
// Same as lib/paper.ts ARXIV_ID_PATTERN, copied so this file doesn't import Zod schemas.
const ARXIV_ID_PATTERN = /^\d{4}\.\d{4,5}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optionalBool = (v: unknown) => v === undefined || typeof v === 'boolean';
const isIdList = (v: unknown): v is string[] => Array.isArray(v) && v.every((id) => typeof id === 'string' && ARXIV_ID_PATTERN.test(id));

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
    return command;
  }
  if (message.type === 'show-undo-toast') {
    const { token, label } = message;
    if (typeof token !== 'string' || token.length === 0 || typeof label !== 'string' || label.length > 200) return null;
    return { type: 'show-undo-toast', token, label };
  }
  return null;
}

import type { TabCommand } from '../messages';
// Same as lib/paper.ts ARXIV_ID_PATTERN, copied so this file doesn't import Zod schemas.
const ARXIV_ID_PATTERN = /^\d{4}\.\d{4,5}$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const optionalBool = (v: unknown) => v === undefined || typeof v === 'boolean';

/**
 * Hand-written check of the background's commands: keeps Zod out of the content-script bundle.
 * Anything malformed is ignored (null).
 */
export function parseTabCommand(message: unknown): TabCommand | null {
  if (!isRecord(message)) return null;
  if (message.type === 'store-changed') {
    const { ids, rules, settings } = message;
    if (!optionalBool(rules) || !optionalBool(settings)) return null;
    if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => typeof id === 'string' && ARXIV_ID_PATTERN.test(id)))) return null;
    const command: TabCommand = { type: 'store-changed' };
    if (Array.isArray(ids)) command.ids = ids.filter((id): id is string => typeof id === 'string');
    if (typeof rules === 'boolean') command.rules = rules;
    if (typeof settings === 'boolean') command.settings = settings;
    return command;
  }
  if (message.type === 'show-undo-toast') {
    const { token, label } = message;
    if (typeof token !== 'string' || token.length === 0 || typeof label !== 'string' || label.length > 200) return null;
    return { type: 'show-undo-toast', token, label };
  }
  return null;
}

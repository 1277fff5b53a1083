import { describe, expect, it } from 'vitest';
import { parseTabCommand } from '../../../lib/content/tab-commands';

describe('tab commands are validated by hand', () => {
  it('accepts store-changed with and without ids', () => {
    expect(parseTabCommand({ type: 'store-changed' })).toEqual({ type: 'store-changed' });
    expect(parseTabCommand({ type: 'store-changed', ids: ['2507.00001'], rules: true })).toEqual({ type: 'store-changed', ids: ['2507.00001'], rules: true });
  });

  it('keeps the states a store-changed carries, and drops malformed ones (the page re-reads them)', () => {
    const states = { read: ['2507.00001'], saved: [] };
    expect(parseTabCommand({ type: 'store-changed', ids: ['2507.00001'], states, origin: 'tok' })).toEqual({ type: 'store-changed', ids: ['2507.00001'], states });
    for (const bad of [{ read: ['x'], saved: [] }, { read: [] }, 'read', { read: [1], saved: [] }]) {
      expect(parseTabCommand({ type: 'store-changed', ids: ['2507.00001'], states: bad })).toEqual({ type: 'store-changed', ids: ['2507.00001'] });
    }
  });

  it('reduces a carried page context to what the page uses, and drops a malformed one (the page asks for it)', () => {
    const settings = { markReadOnScrollPast: true, badge: 'page', readCards: 'hidden', cardOrder: 'for-you', sync: false };
    const rules = [{ id: 'r1', enabled: false }, { id: 'r2', enabled: true }];
    expect(parseTabCommand({ type: 'store-changed', rules: true, context: { rules, settings } })).toEqual({
      type: 'store-changed', rules: true, context: { filtersOn: true, settings },
    });
    expect(parseTabCommand({ type: 'store-changed', settings: true, context: { rules: [{ enabled: false }], settings } })).toMatchObject({ context: { filtersOn: false } });
    for (const bad of [{ rules, settings: { ...settings, readCards: 3 } }, { rules, settings: { ...settings, sync: undefined } }, { settings }, 'context', { rules: 'all', settings }]) {
      expect(parseTabCommand({ type: 'store-changed', settings: true, context: bad })).toEqual({ type: 'store-changed', settings: true });
    }
  });

  it('accepts show-undo-toast', () => {
    expect(parseTabCommand({ type: 'show-undo-toast', token: 't', label: 'Marked 3 papers read' })).toEqual({ type: 'show-undo-toast', token: 't', label: 'Marked 3 papers read' });
  });

  it('refuses anything malformed', () => {
    for (const bad of [null, 'store-changed', {}, { type: 'other' }, { type: 'store-changed', ids: ['x'] }, { type: 'store-changed', rules: 'yes' },
      { type: 'show-undo-toast', token: '', label: 'x' }, { type: 'show-undo-toast', token: 't', label: 'x'.repeat(201) }]) {
      expect(parseTabCommand(bad)).toBeNull();
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { lifetimeOf } from '../../../lib/content/lifetime';
import { createMessenger } from '../../../lib/content/messenger';
import { Overlay } from '../../../lib/content/toast';

/**
 * After an extension reload Chrome leaves the old content script running with `browser.runtime`
 * gone: sending throws a TypeError, not "Extension context invalidated". tests/e2e/faults-reload
 * shows it in Chromium; these pin the two halves of the fix without a browser.
 */
describe('a content script whose extension was reloaded under it', () => {
  it('takes a gone runtime for death: stops at once, no retries, no warnings', async () => {
    const warn = vi.spyOn(console, 'warn');
    const onDead = vi.fn();
    const onFailure = vi.fn();
    let attempts = 0;
    const transport = async () => {
      attempts += 1;
      throw new TypeError("Cannot read properties of undefined (reading 'sendMessage')");
    };
    const id = fakeBrowser.runtime.id;
    Reflect.set(fakeBrowser.runtime, 'id', undefined); // what Chrome does to an orphaned script
    try {
      const request = createMessenger({ transport, onDead, onFailure, sleep: async () => undefined });
      expect(await request({ type: 'get-page-context' })).toBeNull();
      expect(await request({ type: 'get-page-context' })).toBeNull();
    } finally {
      Reflect.set(fakeBrowser.runtime, 'id', id);
    }
    expect({ attempts, dead: onDead.mock.calls.length, warnings: warn.mock.calls.length, failures: onFailure.mock.calls.length })
      .toEqual({ attempts: 1, dead: 1, warnings: 0, failures: 0 }); // no toast on a page we are leaving
  });

  it('still retries a plain failure while the runtime is there (a restarting service worker)', async () => {
    let attempts = 0;
    const transport = async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, data: { rules: [], settings: {} } };
    };
    const request = createMessenger({ transport, onDead: () => undefined, onFailure: () => undefined, sleep: async () => undefined });
    expect(await request({ type: 'get-page-context' })).not.toBeNull();
    expect(attempts).toBe(3);
  });

  it('leaves no toast behind once torn down (a late "could not…" after the teardown)', () => {
    const abort = new AbortController();
    const overlay = new Overlay(document, lifetimeOf(abort.signal));
    abort.abort();
    overlay.toast('Could not update the reading list. Try again.', { role: 'alert' });
    expect(document.querySelector('[data-pi-ui]')).toBeNull();
  });
});

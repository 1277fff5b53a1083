import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../../lib/content/script-context';

/** A Navigation API stand-in: `go(url)` fires `navigate` as Chrome does, before the URL commits. */
function fakeNavigation() {
  const target = new EventTarget();
  return {
    addEventListener: (type: 'navigate', listener: (event: Event & { destination: { url: string } }) => void, options: { signal: AbortSignal }) =>
      target.addEventListener(type, listener as EventListener, options),
    go(url: string) {
      target.dispatchEvent(Object.assign(new Event('navigate'), { destination: { url } }));
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ContentScriptContext (ours, in place of WXT’s)', () => {
  it('stops the older copy when a newer one starts in the same page, and only that one', () => {
    const older = new ContentScriptContext('papers');
    const other = new ContentScriptContext('another-script');
    expect(older.signal.aborted).toBe(false);
    const newer = new ContentScriptContext('papers');
    expect(older.signal.aborted).toBe(true);
    expect(newer.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
  });

  it('stops a copy built with WXT’s class: same event name and detail', () => {
    const seen: unknown[] = [];
    const name = `${fakeBrowser.runtime.id}:papers:wxt:content-script-started`;
    document.addEventListener(name, (event) => seen.push((event as CustomEvent).detail), { once: true });
    new ContentScriptContext('papers');
    expect(seen).toEqual([{ contentScriptName: 'papers', messageId: expect.any(String) }]);
  });

  it('runs timers until it stops, never after', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('timers');
    const ran: string[] = [];
    ctx.setTimeout(() => ran.push('before'), 10);
    vi.advanceTimersByTime(10);
    ctx.setTimeout(() => ran.push('after'), 10);
    ctx.abort();
    vi.advanceTimersByTime(10);
    expect(ran).toEqual(['before']);
  });

  it('stops itself when the extension context is gone (runtime taken away by a reload)', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('orphan');
    const ran: string[] = [];
    ctx.setTimeout(() => ran.push('ran'), 10);
    vi.spyOn(fakeBrowser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    vi.advanceTimersByTime(10);
    expect(ran).toEqual([]);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('reports soft navigations from the Navigation API, once per new URL, until it stops', () => {
    const nav = fakeNavigation();
    const ctx = new ContentScriptContext('nav');
    const seen: number[] = [];
    ctx.addEventListener(window, 'wxt:locationchange', () => seen.push(seen.length), nav);
    nav.go(location.href); // the same URL: not a change
    nav.go('https://huggingface.co/papers/week/2026-W49');
    nav.go('https://huggingface.co/papers/week/2026-W49');
    nav.go('https://huggingface.co/papers/month/2026-11');
    ctx.abort();
    nav.go('https://huggingface.co/papers/trending');
    expect(seen).toEqual([0, 1]);
  });

  it('polls the URL once a second where there is no Navigation API', () => {
    vi.useFakeTimers();
    const ctx = new ContentScriptContext('poll');
    let changes = 0;
    ctx.addEventListener(window, 'wxt:locationchange', () => (changes += 1), null);
    vi.advanceTimersByTime(1_000);
    expect(changes).toBe(0);
    history.pushState(null, '', '/papers/week/2026-W48');
    vi.advanceTimersByTime(1_000);
    expect(changes).toBe(1);
    vi.advanceTimersByTime(3_000);
    expect(changes).toBe(1);
    ctx.abort();
    history.pushState(null, '', '/papers/month/2026-10');
    vi.advanceTimersByTime(3_000);
    expect(changes).toBe(1);
  });
});

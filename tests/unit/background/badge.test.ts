import { describe, expect, it, vi } from 'vitest';
import { badgeTextFor, createBadgeUpdater } from '../../../lib/background/badge';
import type { PageSummary } from '../../../lib/page-summary';

const summary = (unread: number, recognized = true): PageSummary => ({
  url: 'https://huggingface.co/papers/trending', kind: 'trending', recognized, ids: [], newIds: [],
  counts: { total: unread, new: 0, unread, hidden: 0 }, updatedAt: 1,
});

describe('badge text', () => {
  it('shows the tab unread in page mode, today elsewhere, nothing when off or zero, capped at 999+', () => {
    expect(badgeTextFor({ mode: 'page', tabSummary: summary(12), todayUnread: 40 })).toBe('12');
    expect(badgeTextFor({ mode: 'page', tabSummary: null, todayUnread: 40 })).toBe('40');
    expect(badgeTextFor({ mode: 'today', tabSummary: summary(12), todayUnread: 40 })).toBe('40');
    expect(badgeTextFor({ mode: 'off', tabSummary: summary(12), todayUnread: 40 })).toBe('');
    expect(badgeTextFor({ mode: 'page', tabSummary: summary(0), todayUnread: 40 })).toBe('');
    expect(badgeTextFor({ mode: 'page', tabSummary: summary(1500), todayUnread: 0 })).toBe('999+');
  });

  it('an unrecognized page never shows a wrong count: today instead', () => {
    expect(badgeTextFor({ mode: 'page', tabSummary: summary(5, false), todayUnread: 3 })).toBe('3');
  });

  it('the updater sets global and per-tab text, and survives a closed tab', async () => {
    const setBadgeText = vi.fn(async (d: { tabId?: number; text: string }) => {
      if (d.tabId === 99) throw new Error('No tab with id: 99');
    });
    const update = createBadgeUpdater({
      action: { setBadgeText, setBadgeBackgroundColor: vi.fn(async () => undefined) },
      getMode: async () => 'page',
      todayUnread: async () => 4,
      summaryOf: async (id) => (id === 1 ? summary(7) : null),
      tabIds: async () => [1, 2, 99],
      reportError: vi.fn(),
    });
    await update();
    expect(setBadgeText).toHaveBeenCalledWith({ text: '4' });
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 1, text: '7' });
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 2, text: '4' });
  });

  it('a failing badge is reported as a problem, not thrown at the request that changed it', async () => {
    const broken = new Error('action API unavailable');
    const reportError = vi.fn();
    const update = createBadgeUpdater({
      action: { setBadgeText: vi.fn(async () => Promise.reject(broken)), setBadgeBackgroundColor: vi.fn(async () => undefined) },
      getMode: async () => 'page',
      todayUnread: async () => 0,
      summaryOf: async () => null,
      tabIds: async () => [],
      reportError,
    });
    await expect(update()).resolves.toBeUndefined();
    expect(reportError).toHaveBeenCalledWith('background/badge', broken);
  });
});

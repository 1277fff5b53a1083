import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabSummaries } from '../../../lib/background/tab-summaries';
import type { PageSummary } from '../../../lib/page-summary';

const summary: PageSummary = {
  url: 'https://huggingface.co/papers/trending', kind: 'trending', recognized: true, ids: ['2502.00001'],
  newIds: [], counts: { total: 1, new: 1, unread: 1, hidden: 0 }, updatedAt: 1,
};

describe('tab summaries', () => {
  it('survive a service-worker restart through storage.session', async () => {
    await new TabSummaries(fakeBrowser.storage.session, () => undefined).set(3, summary);
    expect(await new TabSummaries(fakeBrowser.storage.session, () => undefined).get(3)).toEqual(summary);
  });

  it('are cleared when the tab closes or leaves the papers pages', async () => {
    const tabs = new TabSummaries(fakeBrowser.storage.session, () => undefined);
    await tabs.set(3, summary);
    await tabs.set(4, summary);
    await tabs.onTabUrl(3, 'https://huggingface.co/papers/2502.00001');
    expect(await tabs.get(3)).toEqual(summary);
    await tabs.onTabUrl(3, 'https://huggingface.co/models');
    await tabs.remove(4);
    const restarted = new TabSummaries(fakeBrowser.storage.session, () => undefined);
    expect(await restarted.get(3)).toBeNull();
    expect(await restarted.get(4)).toBeNull();
  });
});

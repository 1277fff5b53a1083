import { PageSummary } from '../page-summary';
import type { ReportError } from '../problems';

/** The slice of `browser.storage.session` we use (injected so tests can use a plain fake). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'tabSummaries';
const PAPERS_PREFIX = 'https://huggingface.co/papers';

/**
 * What each papers tab last reported. Kept in memory for speed and mirrored to storage.session,
 * because Chrome stops the service worker after ~30 s idle and the popup must still describe the tab.
 */
export class TabSummaries {
  private readonly byTab = new Map<number, PageSummary>();
  private loaded: Promise<void> | undefined;

  constructor(
    private readonly session: SessionArea,
    private readonly reportError: ReportError,
  ) {}

  /** Reloads the mirror once per worker lifetime; later calls reuse the same promise. */
  private load(): Promise<void> {
    this.loaded ??= this.session.get(KEY).then((items) => {
      const raw = items[KEY];
      if (typeof raw !== 'object' || raw === null) return;
      for (const [tab, value] of Object.entries(raw)) {
        const parsed = PageSummary.safeParse(value);
        if (parsed.success && !this.byTab.has(Number(tab))) this.byTab.set(Number(tab), parsed.data);
      }
    }).catch((error: unknown) => this.reportError('background/tab-summaries', error));
    return this.loaded;
  }

  private persist(): Promise<void> {
    // In memory the summary is kept either way; only a worker restart would lose it.
    return this.session.set({ [KEY]: Object.fromEntries(this.byTab) }).catch((error: unknown) => this.reportError('background/tab-summaries', error));
  }

  async get(tabId: number): Promise<PageSummary | null> {
    await this.load();
    return this.byTab.get(tabId) ?? null;
  }

  async set(tabId: number, summary: PageSummary): Promise<void> {
    await this.load();
    this.byTab.set(tabId, summary);
    await this.persist();
  }

  async remove(tabId: number): Promise<void> {
    await this.load();
    if (this.byTab.delete(tabId)) await this.persist();
  }

  /** A tab that navigated away from the papers pages no longer describes one. */
  async onTabUrl(tabId: number, url: string | undefined): Promise<void> {
    if (url === undefined || url.startsWith(PAPERS_PREFIX)) return;
    await this.remove(tabId);
  }
}

import { describe, expect, it } from 'vitest';
import { computePageCounts } from '../../components/page-counts';
import { PageModel } from '../../lib/content/page-model';
import { countsOf } from '../../lib/counts-of';
import { FilterEngine } from '../../lib/filters/match';
import type { FilterRule } from '../../lib/filters/rule';
import { parsePapersPage } from '../../lib/hf/parse-page';
import type { PaperState } from '../../lib/paper';
import type { PaperRecord } from '../../lib/store/records';
import { seededRandom } from '../../lib/seeded-random';
import { allBases } from './faults/bases';

/** One engine for the file, as one per context in the extension. */
const filters = new FilterEngine();

const NOW = 1_790_000_000_000;
const hideRule = (pattern: string): FilterRule => ({
  id: `hide-${pattern}`, pattern, kind: 'keyword', fields: ['title', 'abstract'], action: 'hide', enabled: true, createdAt: NOW, updatedAt: NOW,
});

describe('countsOf', () => {
  it('counts unread as not read and not hidden, and new as the unread part of newIds', () => {
    const { counts, unreadIds } = countsOf(['a', 'b', 'c', 'd'], ['a', 'b'], (id) => id === 'b', (id) => id === 'c');
    expect({ ...counts, unreadIds }).toEqual({ total: 4, new: 1, unread: 2, hidden: 1, unreadIds: ['a', 'd'] });
  });
});

describe('badge and popup counts agree on every fixture page', () => {
  for (const base of allBases()) {
    it(base.name, () => {
      const url = new URL(`https://huggingface.co${base.path}`);
      const doc = new DOMParser().parseFromString(base.html, 'text/html');
      const parsed = parsePapersPage(doc, url);
      if (!parsed) throw new Error(`${base.name}: not a papers page`);
      const random = seededRandom(base.name.length * 7919 + parsed.cards.length);
      const model = new PageModel(url, parsed.kind);
      const records: PaperRecord[] = [];
      for (const card of parsed.cards) {
        model.elements.set(card.id, card.element);
        const roll = random();
        const state: PaperState = roll < 0.3 ? 'read' : roll < 0.65 ? 'new' : 'unread';
        model.setState(card.id, state, true);
        records.push({ ...card.meta, id: card.id, readAt: state === 'read' ? NOW : undefined, updatedAt: NOW });
      }
      // One rule that hides some papers of this page (a word of the first title), as the background would.
      const word = parsed.cards[0]?.meta.title?.split(/\s+/).find((w) => w.length > 4);
      const rules = word ? [hideRule(word)] : [];
      const { verdicts } = filters.applyTopicFilters(records, rules, NOW);
      model.setVerdicts(model.ids(), Object.fromEntries(verdicts));

      const badge = model.summary(parsed.recognized, NOW);
      const popup = computePageCounts(filters, badge.ids, badge.newIds, records, rules, NOW);
      expect(badge.counts).toEqual({ total: popup.total, new: popup.new, unread: popup.unread, hidden: popup.hidden });
      if (base.page === 'list') expect(badge.counts.total).toBeGreaterThan(0);
    });
  }
});

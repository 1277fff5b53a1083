import { useMemo } from 'react';
import type { PaperMeta } from '../lib/paper';
import { useFilterEngine } from './filter-engine';
import { previewSentence, type DraftResult } from './filter-draft';

/** Live "would hide N of M papers on this page" while the user types a rule. */
export function FilterPreview(props: { result: DraftResult; pattern: string; papers: readonly PaperMeta[] }) {
  const { result, papers } = props;
  const filters = useFilterEngine();
  const preview = useMemo(
    () => (result.ok && papers.length > 0 ? filters.previewRule(result.rule, [...papers], Date.now()) : null),
    [filters, result, papers],
  );
  if (!props.pattern.trim()) return null;
  if (!result.ok) return null;
  if (!preview) return <p className="pi-muted">No papers on this page to preview against.</p>;
  if (preview.error) return <p className="pi-alert" role="alert">{preview.error}</p>;
  return (
    <p className="pi-muted" aria-live="polite">
      {previewSentence(result.rule.action, preview.matched, preview.total)}
    </p>
  );
}

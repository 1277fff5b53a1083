import { useState } from 'react';
import { PROBLEMS_KEY, problemsReport } from '../lib/problems';
import { useProblems } from './useProblems';

/**
 * "2 problems · Copy details · Clear": errors the extension recovered from, kept for a bug report.
 * Nothing is shown while there are none. The details are copied as plain text, never sent anywhere.
 */
export function ProblemsRow() {
  const problems = useProblems();
  const [copied, setCopied] = useState<string | null>(null);
  if (problems.length === 0) return null;
  const total = problems.reduce((sum, p) => sum + p.count, 0);
  const copy = async () => {
    try {
      const about = { version: browser.runtime.getManifest().version, userAgent: navigator.userAgent };
      await navigator.clipboard.writeText(problemsReport(problems, about));
      setCopied('Copied: paste it into a bug report.');
    } catch {
      setCopied('Could not copy: the browser refused the clipboard.');
    }
  };
  const clear = () => {
    setCopied(null);
    void browser.storage.session.remove(PROBLEMS_KEY).catch(() => undefined);
  };
  return (
    <section className="pi-card pi-problems" aria-label="Problems">
      <div className="pi-row pi-spread">
        <span data-pi-problems={total}>
          {total} {total === 1 ? 'problem' : 'problems'} since the browser started
        </span>
        <span className="pi-row">
          <button type="button" onClick={() => void copy()}>
            Copy details
          </button>
          <button type="button" className="pi-link" onClick={clear}>
            Clear
          </button>
        </span>
      </div>
      {copied && (
        <p className="pi-muted" role="status">
          {copied}
        </p>
      )}
    </section>
  );
}

import { arxivAbsUrl, arxivPdfUrl } from '../../lib/paper';
import type { PaperRecord } from '../../lib/store/records';

/** Only http(s) links from page data become hrefs: a `javascript:` URL must never be clickable. */
function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function PaperLinks(props: { paper: PaperRecord }) {
  const { paper } = props;
  const code = safeHttpUrl(paper.githubRepo);
  const project = safeHttpUrl(paper.projectPage);
  return (
    <div className="pi-links">
      <a href={arxivAbsUrl(paper.id)} target="_blank" rel="noreferrer">arXiv</a>
      <a href={arxivPdfUrl(paper.id)} target="_blank" rel="noreferrer">PDF</a>
      {code && <a href={code} target="_blank" rel="noreferrer">Code</a>}
      {project && <a href={project} target="_blank" rel="noreferrer">Project page</a>}
    </div>
  );
}

import type { ReadingListEntry } from '../../lib/export/entry';
import { downloadText } from '../../components/download';
import { plural } from '../../components/format';
import { EXPORTERS, filenameFor, type Exporter } from './exporters';

/** Exports exactly what the user sees (the filtered, sorted view), and says so. */
export function ExportBar(props: { entries: readonly ReadingListEntry[] }) {
  const run = (exporter: Exporter) =>
    downloadText(filenameFor(exporter.format, Date.now()), exporter.render([...props.entries]), exporter.mime);
  const none = props.entries.length === 0;
  return (
    <div className="pi-tools" role="group" aria-label="Export">
      {EXPORTERS.map((exporter) => (
        <button key={exporter.format} type="button" disabled={none} onClick={() => run(exporter)}>
          Export {exporter.label}
        </button>
      ))}
      <span className="pi-muted">Exports the {plural(props.entries.length, 'paper')} shown</span>
    </div>
  );
}

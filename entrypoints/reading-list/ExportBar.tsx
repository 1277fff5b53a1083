import type { ReadingListEntry } from '../../lib/export/entry';
import { downloadText } from '../../components/download';
import { plural } from '../../components/format';
import { EXPORTERS, filenameFor, type Exporter } from './exporters';

/**
 * Exports exactly what the user sees (the filtered, sorted view), and says so. While the whole list
 * is still loading the view is incomplete, so exporting waits for it.
 */
export function ExportBar(props: { entries: readonly ReadingListEntry[]; loading: boolean }) {
  const run = (exporter: Exporter) =>
    downloadText(filenameFor(exporter.format, Date.now()), exporter.render([...props.entries]), exporter.mime);
  const disabled = props.loading || props.entries.length === 0;
  return (
    <div className="pi-tools" role="group" aria-label="Export">
      {EXPORTERS.map((exporter) => (
        <button key={exporter.format} type="button" disabled={disabled} onClick={() => run(exporter)}>
          Export {exporter.label}
        </button>
      ))}
      <span className="pi-muted">
        {props.loading ? 'Export is ready once the whole list has loaded' : <>Exports the {plural(props.entries.length, 'paper')} shown</>}
      </span>
    </div>
  );
}

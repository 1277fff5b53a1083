import type { PaperMeta } from '../../lib/paper';
import { FilterList } from '../../components/FilterList';
import { FilterForm } from '../../components/FilterForm';

/** Topic filters: the rules with their counts on this page, and a form to add one. */
export function FiltersSection(props: {
  papers: readonly PaperMeta[];
  counts: ReadonlyMap<string, number> | undefined;
  failures: ReadonlyMap<string, string> | undefined;
}) {
  return (
    <section className="pi-card" aria-labelledby="pi-filters-h">
      <h2 className="pi-h" id="pi-filters-h">Filters</h2>
      <FilterList papers={props.papers} counts={props.counts} failures={props.failures} />
      <h3 className="pi-h" style={{ marginTop: '0.75rem' }}>New filter</h3>
      <FilterForm papers={props.papers} />
    </section>
  );
}

import { FilterEngine } from '../lib/filters/match';
import { usePageServices, type FilterSlot } from './page-services';

/** The page's filter engine, made on the first call (see FilterSlot): then the same one for every pass. */
export function filterEngineOf(slot: FilterSlot): FilterEngine {
  return (slot.engine ??= new FilterEngine());
}

/** The page's filter engine, for a component under the page's PageServicesProvider. */
export function useFilterEngine(): FilterEngine {
  return filterEngineOf(usePageServices().filters);
}

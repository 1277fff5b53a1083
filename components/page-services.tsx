import { createContext, useContext, type ReactNode } from 'react';
import type { Client } from '../lib/client';
import type { FilterEngine } from '../lib/filters/match';

/**
 * Where an extension page keeps its one FilterEngine (whose caches serve every pass of the page).
 * The engine is made by the first code that filters (`filterEngineOf`, filter-engine.ts), which the
 * popup loads after its first counts: the filters stay out of the popup's first script.
 */
export interface FilterSlot {
  engine?: FilterEngine;
}

/**
 * What an extension page's start (entrypoints/popup/main.tsx, entrypoints/reading-list/main.tsx)
 * makes once and hands its components through PageServicesProvider: nothing of it is module state.
 */
export interface PageServices {
  /** The page's client to the background (lib/client.ts), over the transport the start chose. */
  client: Client;
  filters: FilterSlot;
}

export function createPageServices(client: Client): PageServices {
  return { client, filters: {} };
}

const PageServicesContext = createContext<PageServices | null>(null);

export function PageServicesProvider(props: { services: PageServices; children: ReactNode }) {
  return <PageServicesContext.Provider value={props.services}>{props.children}</PageServicesContext.Provider>;
}

/** The page's services; only under a PageServicesProvider (the page's start renders one). */
export function usePageServices(): PageServices {
  const services = useContext(PageServicesContext);
  if (services === null) throw new Error('No PageServicesProvider above this component: the page start renders one.');
  return services;
}

/** The page's client: `const { send } = useClient()`. */
export function useClient(): Client {
  return usePageServices().client;
}

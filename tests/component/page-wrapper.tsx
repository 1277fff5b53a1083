import type { ReactNode } from 'react';
import { PageServicesProvider, type PageServices } from '../../components/page-services';

/** What a page's start renders around its App: pass as `render(ui, { wrapper })`. */
export type PageWrapper = (props: { children: ReactNode }) => ReactNode;

export function pageWrapper(services: PageServices): PageWrapper {
  return ({ children }) => <PageServicesProvider services={services}>{children}</PageServicesProvider>;
}

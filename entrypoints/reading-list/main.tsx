import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './reading-list.css';
import { App } from './App';
import { getDb } from '../../lib/store/db';
import { createPageServices, PageServicesProvider } from '../../components/page-services';
import { browserTransport, createClient } from '../../lib/client';

// Open the database while React builds its first frame; the first query would otherwise wait for it.
getDb()
  .open()
  .catch(() => undefined); // a failure shows up on the first query instead

// What the page's components share (its client), made once for this page.
const services = createPageServices(createClient(browserTransport));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PageServicesProvider services={services}>
        <App />
      </PageServicesProvider>
    </StrictMode>,
  );
}

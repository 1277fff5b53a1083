import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './popup.css';
import { App } from './App';
import { startPopup } from './start';
import { createPageServices, PageServicesProvider } from '../../components/page-services';
import { browserTransport, createClient } from '../../lib/client';

// What the popup's components share (the client, the filter engine), made once for this page.
const services = createPageServices(createClient(browserTransport));
// Before rendering: the tab, its summary and the database open while React builds the first frame.
const start = startPopup(window.location.search, services.client);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PageServicesProvider services={services}>
        <App search={window.location.search} start={start} />
      </PageServicesProvider>
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './popup.css';
import { App } from './App';
import { startPopup } from './start';

// Before rendering: the tab, its summary and the database open while React builds the first frame.
const start = startPopup(window.location.search);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App search={window.location.search} start={start} />
    </StrictMode>,
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../components/theme.css';
import './reading-list.css';
import { App } from './App';
import { getDb } from '../../lib/store/db';

// Open the database while React builds its first frame; the first query would otherwise wait for it.
getDb()
  .open()
  .catch(() => undefined); // a failure shows up on the first query instead

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

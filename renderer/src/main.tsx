// The renderer's entry: i18n first (the user's language), then the app shell.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { loadLaterPartsWhenIdle } from './lazy';

void languageReady.then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  loadLaterPartsWhenIdle();
});

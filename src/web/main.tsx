import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpClient } from './api/client.ts';
import { App, preloadReadPage } from './app/App.tsx';
import { initI18n } from './i18n/index.ts';
import { installValidationMessages } from './ui/native-validation.ts';

const i18n = initI18n();
document.documentElement.lang = i18n.language;
installValidationMessages(document, i18n.t.bind(i18n));
const root = document.getElementById('root');
if (root === null) throw new Error('#root missing from index.html');
const start = (): void => {
  createRoot(root).render(
    <StrictMode>
      <App client={httpClient()} />
    </StrictMode>,
  );
};
// The server wrote the reading page's first screen into the root (src/server/read-first-screen.ts): its module (the
// page preloads it) is loaded before React replaces that screen, so no "loading" shows between it and the live page.
if (root.firstElementChild !== null && window.location.pathname === '/read') void preloadReadPage().finally(start);
else start();

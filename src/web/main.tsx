import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { httpClient } from './api/client.ts';
import { App } from './app/App.tsx';
import { initI18n } from './i18n/index.ts';

const i18n = initI18n();
document.documentElement.lang = i18n.language;
const root = document.getElementById('root');
if (root === null) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App client={httpClient()} />
  </StrictMode>,
);

import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme';
// Global behaviours (tooltips, invokers, dialogs, details) on every page, as before the React
// components were tree-shaken (vite.config.ts).
import '@digdir/designsystemet-web';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider } from 'urql';
import { App } from './app/App';
import { client } from './app/client';
import { I18nProvider, loadMessages, rememberedLocale } from './i18n/i18n';

// The language chosen last time is fetched before the first render (no flash of bokmål); a
// failure to fetch it starts in bokmål.
void loadMessages(rememberedLocale())
  .catch(() => undefined)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <Provider value={client}>
          <I18nProvider>
            <App />
          </I18nProvider>
        </Provider>
      </StrictMode>,
    ),
  );

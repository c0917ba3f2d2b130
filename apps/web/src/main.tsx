import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App, preloadLandingPage } from './app/App';
import { initI18n } from './i18n/i18n';
import './styles/main.css';

// The messages and the page a visitor lands on load side by side; a failed page load is left to the router.
void Promise.all([initI18n(), preloadLandingPage(window.location.pathname).catch(() => undefined)]).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </StrictMode>,
  );
});

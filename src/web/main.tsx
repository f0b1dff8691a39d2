import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { Providers } from './app/providers';
import { AppRoutes } from './app/routes';
import { startInPreferredLanguage } from './i18n/i18n';
import { useGuardedBrowserLocation } from './lib/browser-location';
import { createQueryClient } from './lib/query-client';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

void startInPreferredLanguage().then(() =>
  createRoot(root).render(
    <StrictMode>
      <Providers queryClient={createQueryClient()}>
        <Router hook={useGuardedBrowserLocation}>
          <AppRoutes />
        </Router>
      </Providers>
    </StrictMode>,
  ),
);

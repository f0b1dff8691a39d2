import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { Providers } from './app/providers';
import { AppRoutes } from './app/routes';
import { startInPreferredLanguage } from './i18n/i18n';
import { useGuardedBrowserLocation } from './lib/browser-location';
import { createQueryClient } from './lib/query-client';

void import('./fonts');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// A transition: React renders the first page in slices, yielding between them, not in one long task
// that keeps a slow phone from answering a tap.
void startInPreferredLanguage().then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <Providers queryClient={createQueryClient()}>
          <Router hook={useGuardedBrowserLocation}>
            <AppRoutes />
          </Router>
        </Providers>
      </StrictMode>,
    ),
  ),
);

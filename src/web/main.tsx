import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { Providers } from './app/providers';
import { AppRoutes } from './app/routes';
import { startInPreferredLanguage } from './i18n/i18n';
import { useGuardedBrowserLocation } from './lib/browser-location';
import { prefetchFirstFunctions } from './features/functions/queries';
import { createQueryClient } from './lib/query-client';
import { settingsQueries } from './lib/settings-queries';

void import('./fonts');

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// What the first page shows is asked for now, in parallel with its first render: every page's layout
// reads the settings, and the Functions page (also behind `/`) its list.
const queryClient = createQueryClient();
void queryClient.prefetchQuery(settingsQueries.current());
if (['/', '/functions'].includes(location.pathname)) prefetchFirstFunctions(queryClient);

// A transition: React renders the first page in slices, yielding between them, not in one long task
// that keeps a slow phone from answering a tap.
void startInPreferredLanguage().then(() =>
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <Providers queryClient={queryClient}>
          <Router hook={useGuardedBrowserLocation}>
            <AppRoutes />
          </Router>
        </Providers>
      </StrictMode>,
    ),
  ),
);

import type { QueryClient } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Router } from 'wouter';
import { startInPreferredLanguage } from '../i18n/i18n';
import { useGuardedBrowserLocation } from '../lib/browser-location';
import { Providers } from './providers';
import { AppRoutes } from './routes';

/**
 * The console in `root`, in the remembered language. A transition: React renders the first page in
 * slices, yielding between them, not in one long task that keeps a slow phone from answering a tap.
 */
export async function renderConsole(root: HTMLElement, queryClient: QueryClient): Promise<void> {
  await startInPreferredLanguage();
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
  );
}

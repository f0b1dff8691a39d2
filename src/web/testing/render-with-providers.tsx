import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { Providers } from '../app/providers';
import { AppRoutes } from '../app/routes';
import { guardLocationHook } from '../lib/navigation-guard';
import { createTestQueryClient } from './query-client';

/** The whole console at `path`, with a fresh QueryClient that never retries (one per test). */
export function renderWithProviders(path: string) {
  const queryClient = createTestQueryClient();
  const memory = memoryLocation({ path, record: true });
  const current = () => memory.history.at(-1) ?? '';
  /** Where the console is now, as the address bar would show it. */
  const location = {
    get pathname() {
      return current().split('?')[0];
    },
    get search() {
      const query = current().split('?')[1];
      return query ? `?${query}` : '';
    },
  };
  const user = userEvent.setup();
  const view = render(
    <Providers queryClient={queryClient}>
      <Router hook={guardLocationHook(memory.hook)} searchHook={memory.searchHook}>
        <AppRoutes />
      </Router>
    </Providers>,
  );
  return { ...view, user, location, queryClient };
}

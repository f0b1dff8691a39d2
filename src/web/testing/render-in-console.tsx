import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { Providers } from '../app/providers';
import { createTestQueryClient } from './query-client';

/** One part of the console inside its providers; its /api calls reach the bff that setup.ts routes. */
export function renderInConsole(ui: ReactNode) {
  const user = userEvent.setup();
  return { user, ...render(<Providers queryClient={createTestQueryClient()}>{ui}</Providers>) };
}

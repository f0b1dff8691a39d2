import { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { Router } from 'wouter';
import type { ConsoleSettings } from '../../contract/console-api';
import type { FcFunction } from '../../contract/function';
import { AppLayout } from '../app/app-layout';
import { Providers } from '../app/providers';
import { functionQueries } from '../features/functions/queries';
import { FunctionsPage } from '../features/functions/functions-page';
import { settingsQueries } from '../lib/settings-queries';

const FIRST_PAGE = { limit: 20 };

const sampleFunction: FcFunction = {
  functionId: 'prerender',
  functionName: 'prerender',
  runtime: 'nodejs20',
  handler: 'index.handler',
  timeout: 3,
  memorySize: 128,
  codeChecksum: '0',
  codeSize: 0,
  createdTime: '2025-01-01T00:00:00Z',
  lastModifiedTime: '2025-01-01T00:00:00Z',
};

type View = { settings?: ConsoleSettings; functions?: FcFunction[] };

/**
 * The states the Functions page shows on a first visit: still loading; no function yet (local mode,
 * not isolated); a list (cloud mode). Their styles together are what the first screens need.
 */
const VIEWS: View[] = [
  {},
  {
    settings: { mode: 'local', region: 'cn-hangzhou', accountId: '0', functionIsolation: 'not-isolated' },
    functions: [],
  },
  { settings: { mode: 'cloud', region: 'cn-hangzhou', accountId: '0' }, functions: [sampleFunction] },
];

function renderView({ settings, functions }: View): string {
  const queryClient = new QueryClient();
  if (settings) queryClient.setQueryData(settingsQueries.current().queryKey, settings);
  if (functions) queryClient.setQueryData(functionQueries.list(FIRST_PAGE).queryKey, { functions });
  return renderToString(
    <Providers queryClient={queryClient}>
      <Router ssrPath="/functions" ssrSearch="">
        <AppLayout>
          <FunctionsPage />
        </AppLayout>
      </Router>
    </Providers>,
  );
}

/**
 * The markup of the first page's states as the server renderer writes it, each with emotion's
 * `<style data-emotion="…">` tags beside the elements (rendered at build time, see vite.config.ts).
 */
export function renderFirstViews(): string[] {
  return VIEWS.map(renderView);
}

/* eslint-disable import-x/no-restricted-paths -- test support only (imported by *.test.tsx): the bff runs in-process against the MSW FC handlers */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import type { ReactNode } from 'react';
import { TEST_CONNECTION } from '../../../../mocks/bff-in-process';
import { server } from '../../../../mocks/node';
import { createBffApp } from '../../../bff/app';
import { openConsoleStore } from '../../../bff/console-store/console-store';
import { Providers } from '../../app/providers';
import { InvocationResultPanel } from './invocation-result-panel';
import { TestFunctionProvider } from './test-function-context';
import { TestFunctionToolbar } from './test-function-toolbar';

/** The bff in-process with its own in-memory console store; its SDK calls meet the MSW FC handlers. */
export function routeApiToBff() {
  const app = createBffApp({ connection: TEST_CONNECTION, consoleStore: openConsoleStore(':memory:') });
  server.use(http.all('*/api/*', ({ request }) => app.fetch(request)));
}

export function renderInConsole(ui: ReactNode) {
  routeApiToBff();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const user = userEvent.setup();
  return { user, ...render(<Providers queryClient={queryClient}>{ui}</Providers>) };
}

/** The Code tab's Test Function toolbar and result panel, as the page places them. */
export function renderTestFunction(functionName = 'hello-world') {
  return renderInConsole(
    <TestFunctionProvider functionName={functionName}>
      <TestFunctionToolbar functionName={functionName} />
      <InvocationResultPanel functionName={functionName} />
    </TestFunctionProvider>,
  );
}

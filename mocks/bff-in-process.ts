import { http } from 'msw';
import { openConsoleStore } from '../src/bff/console-store/console-store';
import { createBffApp, type BffOptions } from '../src/bff/app';
import { localConnection, type FcConnection } from '../src/bff/connection';
import { fcState } from './fc-state';

/**
 * A fake local engine: `.test` never resolves, so a request MSW fails to catch errors out instead
 * of reaching a real engine. The keys only exist here.
 */
export const TEST_CONNECTION: FcConnection = localConnection({
  endpoint: 'fc-engine.test:3001',
  accessKeyId: 'LTAI5tTestOnlyKeyId0000',
  accessKeySecret: 'test-only-secret-never-sent-to-the-browser',
  region: fcState.region,
  accountId: fcState.accountId,
});

export function createTestBffApp(
  connection: FcConnection = TEST_CONNECTION,
  options: Pick<BffOptions, 'flaskCheck'> = {},
) {
  // Saved test requests and history stay in memory: a test never writes ./.fc-console. The machine's
  // python3 is not asked: its Flask is there unless a test says otherwise.
  const flaskCheck = options.flaskCheck ?? (async () => true);
  return createBffApp({ connection, consoleStore: openConsoleStore(':memory:'), flaskCheck });
}

export type TestBffApp = ReturnType<typeof createTestBffApp>;

/** Route the SPA's `/api/*` calls to the bff in-process; its SDK calls then meet the FC handlers. */
export function bffHandler(app: TestBffApp = createTestBffApp()) {
  return http.all('*/api/*', ({ request }) => app.fetch(request));
}

import { openConsoleDb } from './console-db';
import { invocationHistoryStore, type InvocationHistoryStore } from './invocation-history-store';
import { testRequestsStore, type TestRequestsStore } from './test-requests-store';

/** What the console keeps of its own in `<FC_CONSOLE_DATA>/console.db`. */
export type ConsoleStore = {
  testRequests: TestRequestsStore;
  history: InvocationHistoryStore;
  close(): void;
};

/** `dataDir` is the console's data dir (the file is `console.db` in it), or `:memory:` for tests. */
export function openConsoleStore(dataDir: string | ':memory:'): ConsoleStore {
  const db = openConsoleDb(dataDir);
  return { testRequests: testRequestsStore(db), history: invocationHistoryStore(db), close: () => db.close() };
}

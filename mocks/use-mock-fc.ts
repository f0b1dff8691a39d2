import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { fcState } from './fc-state';
import { server } from './node';

/** Vitest hooks: MSW answers the FC OpenAPI, every unhandled request fails, each test starts empty. */
export function useMockFc() {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  beforeEach(() => fcState.reset());
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
  return server;
}

type Fetchable = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** One JSON call to the bff; the body is parsed when there is one. */
export async function callApi(
  app: Fetchable,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...headers, 'content-type': 'application/json' };
  }
  const response = await app.request(path, init);
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read the JSON they assert on
  return { status: response.status, text, body: (text ? JSON.parse(text) : undefined) as any };
}

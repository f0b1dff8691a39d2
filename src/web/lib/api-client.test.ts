import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../../mocks/node';
import { functionQueries } from '../features/functions/queries';
import { settingsQueries } from './settings-queries';
import { isApiError } from './api-client';

// The first page's answers are parsed by schemas of zod's functional API, loaded beside the request:
// what the bff answers is read only once it matches them.

const run = <T>(options: { queryFn?: unknown }) => (options.queryFn as () => Promise<T>)();
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) =>
      isApiError(error) ? { status: error.status, code: error.code, message: error.message } : error,
  );

describe('the first page answers', () => {
  it('reads the settings and the first list page the bff answers', async () => {
    const settings = await run<{ mode: string }>(settingsQueries.current());
    expect(settings.mode).toBe('local');
    const list = await run<{ functions: unknown[] }>(functionQueries.list({ limit: 20 }));
    expect(list.functions).toEqual([]);
  });

  it('refuses settings that do not match the contract, naming the field', async () => {
    server.use(http.get('*/api/settings', () => HttpResponse.json({ mode: 'remote', region: 'r', accountId: '1' })));
    expect(await refusal(run(settingsQueries.current()))).toMatchObject({
      status: 200,
      code: 'InvalidResponse',
      message: expect.stringMatching(/^mode: /),
    });
  });

  it('refuses a list page whose function is not one, naming where', async () => {
    server.use(
      http.get('*/api/functions', () =>
        HttpResponse.json({ functions: [{ functionName: 'x', timeout: 'soon' }], nextToken: 't' }),
      ),
    );
    const refused = await refusal(run(functionQueries.list({ limit: 20 })));
    expect(refused).toMatchObject({ status: 200, code: 'InvalidResponse' });
    expect((refused as { message: string }).message).toContain('functions.0.timeout');
  });
});

import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { fcErrorResponse } from '../../../mocks/fc-errors';
import { sandboxStatusHandler } from '../../../mocks/handlers/engine';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import { NOT_ISOLATED_WARNING, SANDBOX_STATUS_PATH } from '../../contract/engine-sandbox';

const server = useMockFc();

describe('GET /api/settings: whether functions are isolated', () => {
  it('says so when the engine runs them in bubblewrap', async () => {
    const settings = await callApi(createTestBffApp(), 'GET', '/api/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ mode: 'local', functionIsolation: 'isolated' });
    expect(settings.body).not.toHaveProperty('isolationReason');
  });

  it('passes on why not when the engine cannot isolate them', async () => {
    const reason = 'FC_ENGINE_SANDBOX=off';
    server.use(sandboxStatusHandler({ isolated: false, reason, warning: NOT_ISOLATED_WARNING }));
    const settings = await callApi(createTestBffApp(), 'GET', '/api/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ functionIsolation: 'not-isolated', isolationReason: reason });
  });

  it('passes on the python3 the engine runs Python functions with, or why there is none', async () => {
    server.use(
      sandboxStatusHandler({ isolated: true, tool: 'bubblewrap', python: { found: true, version: '3.11.2' } }),
    );
    const found = await callApi(createTestBffApp(), 'GET', '/api/settings');
    expect(found.body).toMatchObject({ functionIsolation: 'isolated', python: { found: true, version: '3.11.2' } });
    const reason = 'No python3 interpreter the engine can run functions with: install python3';
    server.use(sandboxStatusHandler({ isolated: true, tool: 'bubblewrap', python: { found: false, reason } }));
    const missing = await callApi(createTestBffApp(), 'GET', '/api/settings');
    expect(missing.body).toMatchObject({ python: { found: false, reason } });
  });

  it('answers "unknown", not an error, when the engine does not know the route', async () => {
    server.use(http.get(`*${SANDBOX_STATUS_PATH}`, () => fcErrorResponse('RouteNotFound', 'No such route.', 404)));
    const settings = await callApi(createTestBffApp(), 'GET', '/api/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({
      mode: 'local',
      region: TEST_CONNECTION.region,
      functionIsolation: 'unknown',
    });
  });

  it('says nothing about isolation in cloud mode', async () => {
    const settings = await callApi(createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' }), 'GET', '/api/settings');
    expect(settings.status).toBe(200);
    expect(settings.body).not.toHaveProperty('functionIsolation');
    expect(settings.body).not.toHaveProperty('isolationReason');
  });
});

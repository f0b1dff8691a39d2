import { describe, expect, it } from 'vitest';
import { createTestBffApp, TEST_CONNECTION } from '../../../mocks/bff-in-process';
import { sandboxStatusHandler } from '../../../mocks/handlers/engine';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';
import { NOT_ISOLATED_WARNING } from '../../contract/engine-sandbox';

const server = useMockFc();

describe('GET /api/function-templates: what the Flask template needs', () => {
  it('asks about the python3 the sandbox shows a function, and says when it lacks Flask', async () => {
    const asked: boolean[] = [];
    const flaskCheck = async (isolated: boolean) => (asked.push(isolated), false);
    const answer = await callApi(createTestBffApp(TEST_CONNECTION, { flaskCheck }), 'GET', '/api/function-templates');
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ flask: 'missing' });
    expect(asked).toEqual([true]);
  });

  it('asks about the python3 on PATH when functions run without the sandbox', async () => {
    server.use(
      sandboxStatusHandler({ isolated: false, reason: 'FC_ENGINE_SANDBOX=off', warning: NOT_ISOLATED_WARNING }),
    );
    const asked: boolean[] = [];
    const flaskCheck = async (isolated: boolean) => (asked.push(isolated), true);
    const answer = await callApi(createTestBffApp(TEST_CONNECTION, { flaskCheck }), 'GET', '/api/function-templates');
    expect(answer.body).toEqual({ flask: 'available' });
    expect(asked).toEqual([false]);
  });

  it('does not ask in cloud mode, where Function Compute runs the code', async () => {
    const flaskCheck = async () => false;
    const cloud = createTestBffApp({ ...TEST_CONNECTION, mode: 'cloud' }, { flaskCheck });
    expect((await callApi(cloud, 'GET', '/api/function-templates')).body).toEqual({ flask: 'unknown' });
  });
});

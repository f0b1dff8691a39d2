import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp, type TestBffApp } from '../../../mocks/bff-in-process';
import { fcJson } from '../../../mocks/fc-errors';
import { seedFunction } from '../../../mocks/fc-seed';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

const server = useMockFc();
const TASKS = '/api/functions/hello-world/async-tasks';

async function givenTask(app: TestBffApp, event = 'job') {
  const res = await callApi(app, 'POST', '/api/functions/hello-world/invocations', {
    mode: 'async',
    request: { kind: 'event', event },
  });
  return res.body.taskId as string;
}

function given() {
  seedFunction(helloFunction);
  return createTestBffApp();
}

describe('async tasks', () => {
  it('follows a task from Enqueued through Running to Succeeded with its return payload', async () => {
    const app = given();
    const taskId = await givenTask(app, 'payload-1');
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await callApi(app, 'GET', `${TASKS}/${taskId}`)).body);
    expect(seen.map((t) => t.status)).toEqual(['Enqueued', 'Running', 'Succeeded']);
    expect(seen[2]).toMatchObject({ taskId, returnPayload: 'payload-1', alreadyRetriedTimes: 0 });
  });

  it('lists tasks newest first, filtered by status', async () => {
    const app = given();
    const first = await givenTask(app);
    const second = await givenTask(app);
    await callApi(app, 'GET', `${TASKS}/${first}`); // Enqueued → seen, moves on to Running
    const all = await callApi(app, 'GET', TASKS);
    expect(all.body.tasks.map((t: { taskId: string }) => t.taskId).sort()).toEqual([first, second].sort());
    const running = await callApi(app, 'GET', `${TASKS}?status=Running`);
    expect(running.body.tasks.map((t: { taskId: string }) => t.taskId)).toEqual([first]);
    const bad = await callApi(app, 'GET', `${TASKS}?status=Sleeping&limit=500`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['status', 'limit']);
  });

  it('stops a running task and answers it Stopped; a finished one cannot be stopped', async () => {
    const app = given();
    const taskId = await givenTask(app);
    const stopped = await callApi(app, 'POST', `${TASKS}/${taskId}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ taskId, status: 'Stopped' });
    const again = await callApi(app, 'POST', `${TASKS}/${taskId}/stop`);
    expect(again.status).toBe(412);
    expect(again.body).toMatchObject({ code: 'PreconditionFailed' });
  });

  it('answers 404 for an unknown task and 502 for a task it cannot read', async () => {
    const app = given();
    expect((await callApi(app, 'GET', `${TASKS}/nope`)).body.code).toBe('AsyncTaskNotExist');
    server.use(http.get('*/2023-03-30/functions/:fn/async-tasks/:taskId', () => fcJson({ status: 'Running' })));
    const unreadable = await callApi(app, 'GET', `${TASKS}/t1`);
    expect([unreadable.status, unreadable.body.code]).toEqual([502, 'InvalidResponse']);
  });
});

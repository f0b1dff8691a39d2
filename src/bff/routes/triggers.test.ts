import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { fcErrorResponse } from '../../../mocks/fc-errors';
import { seedFunction, seedTrigger } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction } from '../../../mocks/fixtures/functions';
import {
  anonymousTrigger,
  basicTrigger,
  BASIC_PASSWORD,
  BASIC_PASSWORD_2,
  bearerTrigger,
  BEARER_TOKEN,
} from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

const server = useMockFc();
const BASE = '/api/functions/hello-world/triggers';

function given() {
  seedFunction(helloFunction);
  return createTestBffApp();
}

describe('triggers', () => {
  it('creates, lists, gets, updates and deletes an HTTP trigger', async () => {
    const app = given();
    const created = await callApi(app, 'POST', BASE, anonymousTrigger);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      triggerName: 'http-trigger',
      qualifier: 'LATEST',
      triggerConfig: { methods: ['GET', 'POST', 'PUT', 'DELETE'], authType: 'anonymous', disableURLInternet: false },
      httpTrigger: {
        urlInternet: expect.stringMatching(/^http:\/\/hello-world-[a-z]{10}\.cn-hangzhou\.fcapp\.localhost:3001$/),
        urlIntranet: expect.stringMatching(/^http:\/\/hello-world-[a-z]{10}\.cn-hangzhou-vpc\.fcapp\.localhost:3001$/),
      },
    });

    const list = await callApi(app, 'GET', BASE);
    expect(list.body.triggers).toEqual([created.body]);
    expect((await callApi(app, 'GET', `${BASE}/http-trigger`)).body).toEqual(created.body);

    const updated = await callApi(app, 'PUT', `${BASE}/http-trigger`, {
      description: 'public',
      triggerConfig: { methods: ['GET'], authType: 'anonymous', disableURLInternet: true },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      description: 'public',
      triggerConfig: { methods: ['GET'], disableURLInternet: true },
    });
    expect(updated.body.httpTrigger).toEqual(created.body.httpTrigger);

    expect((await callApi(app, 'DELETE', `${BASE}/http-trigger`)).status).toBe(204);
    const gone = await callApi(app, 'GET', `${BASE}/http-trigger`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('TriggerNotFound');
    expect((await callApi(app, 'GET', BASE)).body).toEqual({ triggers: [] });
  });

  it('never answers a Basic password or a Bearer token', async () => {
    const app = given();
    const basic = await callApi(app, 'POST', BASE, basicTrigger);
    seedTrigger('hello-world', { ...bearerTrigger, qualifier: 'LATEST' });
    expect(basic.status).toBe(201);
    expect(basic.body.triggerConfig.authConfig).toEqual({ users: [{ username: 'console-admin', password: '' }] });

    const responses = [basic, await callApi(app, 'GET', BASE), await callApi(app, 'GET', `${BASE}/bearer-trigger`)];
    for (const res of responses) {
      expect(res.text).not.toContain(BASIC_PASSWORD);
      expect(res.text).not.toContain(BEARER_TOKEN);
    }
  });

  it('keeps a stored password left blank on update and sets a new user’s password', async () => {
    const app = given();
    await callApi(app, 'POST', BASE, basicTrigger);
    const res = await callApi(app, 'PUT', `${BASE}/basic-trigger`, {
      triggerConfig: {
        methods: ['GET'],
        authType: 'basic',
        authConfig: {
          users: [
            { username: 'console-admin', password: '', storedUsername: 'console-admin' },
            { username: 'second-operator', password: BASIC_PASSWORD_2 },
          ],
        },
      },
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(BASIC_PASSWORD_2);
    const stored = fcState.functions.get('hello-world')!.triggers.get('basic-trigger')!.config;
    expect(stored).toMatchObject({
      authType: 'basic',
      authConfig: {
        users: [
          { username: 'console-admin', password: BASIC_PASSWORD },
          { username: 'second-operator', password: BASIC_PASSWORD_2 },
        ],
      },
    });
  });

  it('refuses a blank password for a user that has none stored, naming the field', async () => {
    const app = given();
    await callApi(app, 'POST', BASE, basicTrigger);
    const res = await callApi(app, 'PUT', `${BASE}/basic-trigger`, {
      triggerConfig: {
        methods: ['GET'],
        authType: 'basic',
        authConfig: { users: [{ username: 'brand-new-user', password: '' }] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'InvalidArgument',
      fields: { 'triggerConfig.authConfig.users.0.password': 'basic.password.length' },
    });
    expect(fcState.functions.get('hello-world')!.triggers.get('basic-trigger')!.config.methods).toEqual([
      'GET',
      'POST',
    ]);
  });

  it('answers field errors for an invalid config before calling FC', async () => {
    const app = given();
    const res = await callApi(app, 'POST', BASE, {
      ...basicTrigger,
      triggerConfig: {
        methods: [],
        authType: 'basic',
        authConfig: { users: [{ username: 'console-admin', password: 'weakpassword' }] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({
      'triggerConfig.methods': 'methods.required',
      'triggerConfig.authConfig.users.0.password': 'basic.password.complexity',
    });
    expect(res.body.message).toContain('triggerConfig.methods: Select at least one request method.');
    expect(fcState.functions.get('hello-world')!.triggers.size).toBe(0);
  });

  it('passes FC’s 409 TriggerAlreadyExists through', async () => {
    const app = given();
    await callApi(app, 'POST', BASE, anonymousTrigger);
    const res = await callApi(app, 'POST', BASE, anonymousTrigger);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'TriggerAlreadyExists', message: expect.stringContaining('http-trigger') });
  });

  it('passes FC’s 400 InvalidArgument through with its message and request id', async () => {
    const app = given();
    server.use(
      http.post('*/2023-03-30/functions/:fn/triggers', () =>
        fcErrorResponse('InvalidArgument', 'triggerConfig is too large'),
      ),
    );
    const res = await callApi(app, 'POST', BASE, anonymousTrigger);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'InvalidArgument',
      message: 'triggerConfig is too large',
      requestId: expect.any(String),
    });
  });

  it('lists only HTTP triggers of a cloud function', async () => {
    const app = given();
    server.use(
      http.get('*/2023-03-30/functions/:fn/triggers', () =>
        Response.json({
          triggers: [
            { triggerName: 'daily', triggerType: 'timer', triggerConfig: '{"cronExpression":"@every 1h"}' },
            {
              triggerName: 'web',
              triggerType: 'http',
              qualifier: 'LATEST',
              triggerId: 't1',
              createdTime: 'x',
              lastModifiedTime: 'x',
              triggerConfig: '{"methods":["GET"],"authType":"anonymous","authConfig":""}',
              httpTrigger: { urlInternet: 'https://a', urlIntranet: 'https://b' },
            },
          ],
        }),
      ),
    );
    const res = await callApi(app, 'GET', BASE);
    expect(res.body.triggers.map((t: { triggerName: string }) => t.triggerName)).toEqual(['web']);
    expect(res.body.triggers[0].triggerConfig).toEqual({ methods: ['GET'], authType: 'anonymous' });
  });
});

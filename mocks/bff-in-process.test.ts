import { describe, expect, it } from 'vitest';
import { bffHandler } from './bff-in-process';
import { seedFunction, seedTrigger } from './fc-seed';
import { helloFunction } from './fixtures/functions';
import { basicTrigger, BASIC_PASSWORD } from './fixtures/triggers';
import { useMockFc } from './use-mock-fc';

const server = useMockFc();

describe('the bff in-process behind MSW', () => {
  it('answers the SPA’s fetch to /api through the bff and the FC handlers', async () => {
    server.use(bffHandler());
    seedFunction(helloFunction);
    seedTrigger('hello-world', basicTrigger);

    const functions = await fetch('http://localhost:5173/api/functions').then((r) => r.json());
    expect(functions.functions).toEqual([
      expect.objectContaining({ functionName: 'hello-world', runtime: 'nodejs20' }),
    ]);

    const res = await fetch('http://localhost:5173/api/functions/hello-world/triggers');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(JSON.parse(text).triggers[0].triggerConfig.authConfig.users[0]).toEqual({
      username: 'console-admin',
      password: '',
    });
    expect(text).not.toContain(BASIC_PASSWORD);
  });

  it('creates through the API and sees FC errors with their status', async () => {
    server.use(bffHandler());
    const body = JSON.stringify({ functionName: 'fresh', template: 'nodejs-event-http' });
    const init = { method: 'POST', body, headers: { 'content-type': 'application/json' } };
    expect((await fetch('http://localhost/api/functions', init)).status).toBe(201);
    const again = await fetch('http://localhost/api/functions', init);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'FunctionAlreadyExists' });
  });
});

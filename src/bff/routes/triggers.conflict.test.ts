import { describe, expect, it } from 'vitest';
import { createTestBffApp } from '../../../mocks/bff-in-process';
import { seedFunction } from '../../../mocks/fc-seed';
import { fcState } from '../../../mocks/fc-state';
import { helloFunction } from '../../../mocks/fixtures/functions';
import { anonymousTrigger } from '../../../mocks/fixtures/triggers';
import { callApi, useMockFc } from '../../../mocks/use-mock-fc';

useMockFc();
const TRIGGER = '/api/functions/hello-world/triggers/http-trigger';
const edit = (methods: string[]) => ({ triggerConfig: { methods, authType: 'anonymous' } });
const storedMethods = () => fcState.functions.get('hello-world')!.triggers.get('http-trigger')!.config.methods;

describe('Edit Trigger with If-Match', () => {
  it('answers 412 TriggerChanged to an edit of a trigger saved since it was opened, and keeps the other save', async () => {
    seedFunction(helloFunction);
    const app = createTestBffApp();
    const opened = (await callApi(app, 'POST', '/api/functions/hello-world/triggers', anonymousTrigger)).body;
    const version = `"${opened.lastModifiedTime}"`;
    // Make sure the second save gets a later lastModifiedTime than the first.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const theirs = await callApi(app, 'PUT', TRIGGER, edit(['GET']), { 'if-match': version });
    expect(theirs.status).toBe(200);

    const mine = await callApi(app, 'PUT', TRIGGER, edit(['POST']), { 'if-match': version });
    expect(mine.status).toBe(412);
    expect(mine.body).toMatchObject({ code: 'TriggerChanged', message: expect.stringContaining('someone else saved') });
    expect(storedMethods()).toEqual(['GET']);

    const again = await callApi(app, 'PUT', TRIGGER, edit(['POST']), {
      'if-match': `"${theirs.body.lastModifiedTime}"`,
    });
    expect(again.status).toBe(200);
    expect(storedMethods()).toEqual(['POST']);
  });
});

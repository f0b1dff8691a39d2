import { describe, expect, it } from 'vitest';
import { $FC, createFunction, createHttpTrigger, sdkError, useTestEngine } from './testing/engine-kit';

const kit = useTestEngine((client) => createFunction(client, 'My_Func'));

const basicUsers = { users: [{ username: 'console-user-1', password: 'Str0ng!Passw0rd' }] };

describe('HTTP triggers through the official SDK', () => {
  it('creates a trigger with internet and intranet URLs in the DESIGN format', async () => {
    const created = await createHttpTrigger(kit.client, 'My_Func', 'http-trigger');
    const trigger = created.body!;
    expect(trigger).toMatchObject({
      triggerName: 'http-trigger',
      triggerType: 'http',
      qualifier: 'LATEST',
      status: 'OK',
    });
    expect(JSON.parse(trigger.triggerConfig!)).toEqual({
      methods: ['GET', 'POST'],
      authType: 'anonymous',
      disableURLInternet: false,
    });
    const label = /^http:\/\/(my-func-[a-z]{10})\.cn-hangzhou\.fcapp\.localhost:(\d+)$/.exec(
      trigger.httpTrigger!.urlInternet!,
    );
    expect(label?.[2]).toBe(String(kit.engine.port));
    expect(trigger.httpTrigger!.urlIntranet).toBe(
      `http://${label?.[1]}.cn-hangzhou-vpc.fcapp.localhost:${kit.engine.port}`,
    );
  });

  it('lists, gets, updates and deletes a trigger; the URLs stay fixed', async () => {
    const created = (await createHttpTrigger(kit.client, 'My_Func', 't1')).body!;
    const list = await kit.client.listTriggers('My_Func', new $FC.ListTriggersRequest({}));
    expect(list.body?.triggers?.map((t) => t.triggerName)).toEqual(['t1']);

    const update = await kit.client.updateTrigger(
      'My_Func',
      't1',
      new $FC.UpdateTriggerRequest({
        body: new $FC.UpdateTriggerInput({
          description: 'basic now',
          // The SDK types authConfig as a string: a JSON string inside the JSON string works too.
          triggerConfig: JSON.stringify({
            methods: ['PUT'],
            authType: 'basic',
            authConfig: JSON.stringify(basicUsers),
          }),
        }),
      }),
    );
    expect(update.body?.description).toBe('basic now');
    expect(JSON.parse(update.body!.triggerConfig!)).toEqual({
      methods: ['PUT'],
      authType: 'basic',
      authConfig: basicUsers,
    });
    expect(update.body?.httpTrigger?.toMap()).toEqual(created.httpTrigger?.toMap());

    const got = await kit.client.getTrigger('My_Func', 't1');
    expect(got.body?.toMap()).toEqual(update.body?.toMap());

    expect((await kit.client.deleteTrigger('My_Func', 't1')).statusCode).toBe(204);
    expect(await sdkError(kit.client.getTrigger('My_Func', 't1'))).toMatchObject({
      statusCode: 404,
      code: 'TriggerNotFound',
    });
  });

  it('answers TriggerAlreadyExists for a taken name and for a second HTTP trigger on one qualifier', async () => {
    await createHttpTrigger(kit.client, 'My_Func', 't1');
    expect(await sdkError(createHttpTrigger(kit.client, 'My_Func', 't1'))).toMatchObject({
      statusCode: 409,
      code: 'TriggerAlreadyExists',
    });
    const second = await sdkError(createHttpTrigger(kit.client, 'My_Func', 't2'));
    expect(second).toMatchObject({ statusCode: 409, code: 'TriggerAlreadyExists' });
    expect(second.message).toContain('qualifier "LATEST"');
    expect(second.message).toContain('already has an HTTP trigger');
  });

  it('refuses a trigger on a version or alias that does not exist', async () => {
    expect(await sdkError(createHttpTrigger(kit.client, 'My_Func', 't', { qualifier: '3' }))).toMatchObject({
      statusCode: 404,
      code: 'VersionNotFound',
    });
    const alias = await sdkError(createHttpTrigger(kit.client, 'My_Func', 't', { qualifier: 'prod' }));
    expect(alias).toMatchObject({ statusCode: 404, code: 'AliasNotFound' });
    expect(alias.message).toContain('qualifier');
  });

  it('answers InvalidArgument naming the broken field', async () => {
    const cors = await sdkError(
      createHttpTrigger(kit.client, 'My_Func', 't', {
        triggerConfig: {
          methods: ['GET'],
          authType: 'anonymous',
          corsConfig: { allowOrigins: ['https://*.example.com'] },
        },
      }),
    );
    expect(cors).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(cors.message).toContain('triggerConfig.corsConfig.allowOrigins.0: Subdomain wildcards');

    const timer = await sdkError(createHttpTrigger(kit.client, 'My_Func', 't', { triggerType: 'timer' }));
    expect(timer.message).toContain('triggerType: Only HTTP triggers are supported.');

    const notJson = await sdkError(createHttpTrigger(kit.client, 'My_Func', 't', { triggerConfig: '{methods' }));
    expect(notJson).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(notJson.message).toContain('triggerConfig: This is not valid JSON.');

    // RFC 7617: `user:name` would split at its colon, so such a user could never sign in.
    const colon = await sdkError(
      createHttpTrigger(kit.client, 'My_Func', 't', {
        triggerConfig: {
          methods: ['GET'],
          authType: 'basic',
          authConfig: { users: [{ username: 'console:user-1', password: 'Str0ng!Passw0rd' }] },
        },
      }),
    );
    expect(colon).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(colon.message).toContain('triggerConfig.authConfig.users.0.username: A username cannot contain a colon');

    expect((await kit.client.listTriggers('My_Func', new $FC.ListTriggersRequest({}))).body?.triggers).toEqual([]);
  });

  it('answers FunctionNotFound for a trigger of a missing function', async () => {
    expect(await sdkError(createHttpTrigger(kit.client, 'Nope', 't'))).toMatchObject({
      statusCode: 404,
      code: 'FunctionNotFound',
    });
  });
});

import * as $FC from '@alicloud/fc20230330';
import { describe, expect, it } from 'vitest';
import { openApiErrors } from '../../../contract/openapi-errors';
import {
  ANONYMOUS_GET_POST,
  BASIC_USER,
  BEARER_TOKEN,
  createFunction,
  createTrigger,
  expectOpenApiError,
  failureOf,
  uniqueName,
  type TargetOf,
} from './target';

const URL_SHAPE = /^http:\/\/[a-z0-9-]+-[a-z]{10}\.cn-hangzhou(-vpc)?\.fcapp\.localhost(:\d+)?$/;

/** HTTP triggers: create with the HTTP trigger config, get, list, update, delete, conflicts, 404s. */
export function triggerCases(target: TargetOf) {
  describe('triggers', () => {
    it('creates an HTTP trigger and answers its config as a JSON string and its URLs', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const name = uniqueName('http');
      const { body } = await createTrigger(target, fn, name);
      expect(body).toMatchObject({
        triggerName: name,
        triggerType: 'http',
        qualifier: 'LATEST',
        triggerId: expect.any(String),
        targetArn: expect.stringMatching(new RegExp(`^acs:fc:cn-hangzhou:\\d+:functions/${fn}$`)),
        httpTrigger: { urlInternet: expect.stringMatching(URL_SHAPE), urlIntranet: expect.stringMatching(URL_SHAPE) },
      });
      expect(body?.httpTrigger?.urlIntranet).toContain('.cn-hangzhou-vpc.');
      expect(JSON.parse(body!.triggerConfig!)).toMatchObject(ANONYMOUS_GET_POST);
      const got = await target().fcCall((fc) => fc.getTrigger(fn, name));
      expect(got.body).toMatchObject({ triggerName: name, triggerId: body?.triggerId, httpTrigger: body?.httpTrigger });
      const list = await target().fcCall((fc) => fc.listTriggers(fn, new $FC.ListTriggersRequest({})));
      expect(list.body?.triggers?.map((t) => t.triggerName)).toEqual([name]);
    });

    it('keeps a Basic trigger’s users and a Bearer trigger’s tokens', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      await target().fcCall((fc) =>
        fc.publishFunctionVersion(fn, new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) })),
      );
      const basic = { authType: 'basic', methods: ['GET'], authConfig: { users: [BASIC_USER] } };
      const bearer = { authType: 'bearer', methods: ['GET'], authConfig: { tokens: [BEARER_TOKEN] } };
      const a = await createTrigger(target, fn, uniqueName('basic'), basic);
      const b = await createTrigger(target, fn, uniqueName('bearer'), bearer, '1');
      expect(JSON.parse(a.body!.triggerConfig!)).toMatchObject(basic);
      expect(JSON.parse(b.body!.triggerConfig!)).toMatchObject(bearer);
    });

    it('answers 409 TriggerAlreadyExists for a taken name, and for a second trigger on one qualifier', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const name = uniqueName('http');
      await createTrigger(target, fn, name);
      await expectOpenApiError(createTrigger(target, fn, name), openApiErrors.triggerAlreadyExists(fn, name));
      await expectOpenApiError(
        createTrigger(target, fn, uniqueName('http')),
        openApiErrors.qualifierHasTrigger(fn, 'LATEST', name),
      );
    });

    it('answers 404 for a missing trigger, function, version or alias', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const name = uniqueName('none');
      const expected = openApiErrors.triggerNotFound(fn, name);
      await expectOpenApiError(
        target().fcCall((fc) => fc.getTrigger(fn, name)),
        expected,
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.deleteTrigger(fn, name)),
        expected,
      );
      const body = new $FC.UpdateTriggerInput({ description: 'x' });
      await expectOpenApiError(
        target().fcCall((fc) => fc.updateTrigger(fn, name, new $FC.UpdateTriggerRequest({ body }))),
        expected,
      );
      const missingFn = uniqueName('missing');
      await expectOpenApiError(createTrigger(target, missingFn, name), openApiErrors.functionNotFound(missingFn));
      await expectOpenApiError(
        createTrigger(target, fn, name, ANONYMOUS_GET_POST, '7'),
        openApiErrors.versionNotFound(fn, '7', 'qualifier'),
      );
      await expectOpenApiError(
        createTrigger(target, fn, name, ANONYMOUS_GET_POST, 'prod'),
        openApiErrors.aliasNotFound(fn, 'prod', 'qualifier'),
      );
    });

    it('answers 400 InvalidArgument naming the field for a config the contract refuses', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const error = await failureOf(
        createTrigger(target, fn, uniqueName('http'), { authType: 'anonymous', methods: ['FETCH'] }),
      );
      expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'InvalidArgument' });
      expect(error.message).toContain('methods');
    });

    it('replaces the config on UpdateTrigger and keeps the URLs; deletes with 204', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      const name = uniqueName('http');
      const created = (await createTrigger(target, fn, name)).body;
      const triggerConfig = JSON.stringify({ authType: 'anonymous', methods: ['PUT'] });
      const body = new $FC.UpdateTriggerInput({ triggerConfig, description: 'moved' });
      const updated = await target().fcCall((fc) => fc.updateTrigger(fn, name, new $FC.UpdateTriggerRequest({ body })));
      expect(updated.body).toMatchObject({ description: 'moved', httpTrigger: created?.httpTrigger });
      expect(JSON.parse(updated.body!.triggerConfig!)).toMatchObject({ methods: ['PUT'] });
      expect((await target().fcCall((fc) => fc.deleteTrigger(fn, name))).statusCode).toBe(204);
      await expectOpenApiError(
        target().fcCall((fc) => fc.getTrigger(fn, name)),
        openApiErrors.triggerNotFound(fn, name),
      );
    });
  });
}

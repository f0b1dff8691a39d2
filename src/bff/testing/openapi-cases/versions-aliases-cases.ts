import * as $FC from '@alicloud/fc20230330';
import { describe, expect, it } from 'vitest';
import { openApiErrors } from '../../../contract/openapi-errors';
import {
  ANONYMOUS_GET_POST,
  createFunction,
  createTrigger,
  expectOpenApiError,
  uniqueName,
  type TargetOf,
} from './target';

function publish(target: TargetOf, fn: string, description?: string) {
  const body = new $FC.PublishVersionInput({ description });
  return target().fcCall((fc) => fc.publishFunctionVersion(fn, new $FC.PublishFunctionVersionRequest({ body })));
}

function createAlias(target: TargetOf, fn: string, aliasName: string, versionId: string, weights?: object) {
  const body = new $FC.CreateAliasInput({ aliasName, versionId, additionalVersionWeight: weights as never });
  return target().fcCall((fc) => fc.createAlias(fn, new $FC.CreateAliasRequest({ body })));
}

/** Versions and aliases: publish, list newest first, alias routing, conflicts and what is in use. */
export function versionAliasCases(target: TargetOf) {
  describe('versions and aliases', () => {
    it('publishes versions 1, 2 and lists them newest first; GetFunction by version answers its snapshot', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn, { description: 'v1' });
      expect((await publish(target, fn, 'first')).body).toMatchObject({ versionId: '1', description: 'first' });
      const body = new $FC.UpdateFunctionInput({ description: 'v2' });
      await target().fcCall((fc) => fc.updateFunction(fn, new $FC.UpdateFunctionRequest({ body })));
      expect((await publish(target, fn)).body).toMatchObject({ versionId: '2' });
      const list = await target().fcCall((fc) => fc.listFunctionVersions(fn, new $FC.ListFunctionVersionsRequest({})));
      expect(list.body?.versions?.map((v) => v.versionId)).toEqual(['2', '1']);
      const v1 = await target().fcCall((fc) => fc.getFunction(fn, new $FC.GetFunctionRequest({ qualifier: '1' })));
      expect(v1.body?.description).toBe('v1');
    });

    it('creates, gets, lists and updates an alias; a duplicate is 409 AliasAlreadyExists', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      await publish(target, fn);
      await publish(target, fn);
      expect((await createAlias(target, fn, 'prod', '1')).body).toMatchObject({ aliasName: 'prod', versionId: '1' });
      await expectOpenApiError(createAlias(target, fn, 'prod', '1'), openApiErrors.aliasAlreadyExists(fn, 'prod'));
      const body = new $FC.UpdateAliasInput({ versionId: '2', additionalVersionWeight: { '1': 0.2 } });
      const updated = await target().fcCall((fc) => fc.updateAlias(fn, 'prod', new $FC.UpdateAliasRequest({ body })));
      expect(updated.body).toMatchObject({ aliasName: 'prod', versionId: '2', additionalVersionWeight: { '1': 0.2 } });
      const got = await target().fcCall((fc) => fc.getAlias(fn, 'prod'));
      expect(got.body).toMatchObject({ versionId: '2' });
      const list = await target().fcCall((fc) => fc.listAliases(fn, new $FC.ListAliasesRequest({})));
      expect(list.body?.aliases?.map((a) => a.aliasName)).toEqual(['prod']);
    });

    it('answers 404 for a missing alias or version, 400 for a missing weighted version', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      await publish(target, fn);
      await expectOpenApiError(
        target().fcCall((fc) => fc.getAlias(fn, 'nope')),
        openApiErrors.aliasNotFound(fn, 'nope'),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.deleteAlias(fn, 'nope')),
        openApiErrors.aliasNotFound(fn, 'nope'),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.deleteFunctionVersion(fn, '9')),
        openApiErrors.versionNotFound(fn, '9'),
      );
      await expectOpenApiError(createAlias(target, fn, 'a', '9'), openApiErrors.versionNotFound(fn, '9', 'versionId'));
      await expectOpenApiError(
        createAlias(target, fn, 'b', '1', { '9': 0.5 }),
        openApiErrors.weightedVersionNotFound(fn, '9'),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.getFunction(fn, new $FC.GetFunctionRequest({ qualifier: '9' }))),
        openApiErrors.versionNotFound(fn, '9', 'qualifier'),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.getFunction(fn, new $FC.GetFunctionRequest({ qualifier: 'nope' }))),
        openApiErrors.aliasNotFound(fn, 'nope', 'qualifier'),
      );
    });

    it('answers 409 ResourceInUse for a version an alias or a trigger uses, and an alias a trigger uses', async () => {
      const fn = uniqueName('fn');
      await createFunction(target, fn);
      await publish(target, fn);
      await publish(target, fn);
      await createAlias(target, fn, 'prod', '1');
      const onVersion = uniqueName('http');
      const onAlias = uniqueName('http');
      await createTrigger(target, fn, onVersion, ANONYMOUS_GET_POST, '2');
      await createTrigger(target, fn, onAlias, ANONYMOUS_GET_POST, 'prod');
      await expectOpenApiError(
        target().fcCall((fc) => fc.deleteFunctionVersion(fn, '1')),
        openApiErrors.versionUsedByAlias('1', 'prod'),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.deleteFunctionVersion(fn, '2')),
        openApiErrors.versionUsedByTrigger('2', onVersion),
      );
      await expectOpenApiError(
        target().fcCall((fc) => fc.deleteAlias(fn, 'prod')),
        openApiErrors.aliasUsedByTrigger('prod', onAlias),
      );
      await target().fcCall((fc) => fc.deleteTrigger(fn, onAlias));
      expect((await target().fcCall((fc) => fc.deleteAlias(fn, 'prod'))).statusCode).toBe(204);
      expect((await target().fcCall((fc) => fc.deleteFunctionVersion(fn, '1'))).statusCode).toBe(204);
    });
  });
}

import { describe, expect, it } from 'vitest';
import { $FC, createFunction, createHttpTrigger, sdkError, useTestEngine, zipBase64 } from './testing/engine-kit';

const kit = useTestEngine((client) => createFunction(client, 'fn', { timeout: 5 }));

const publish = (description?: string) =>
  kit.client.publishFunctionVersion(
    'fn',
    new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({ description }) }),
  );

const createAlias = (aliasName: string, versionId: string, additionalVersionWeight?: Record<string, number>) =>
  kit.client.createAlias(
    'fn',
    new $FC.CreateAliasRequest({ body: new $FC.CreateAliasInput({ aliasName, versionId, additionalVersionWeight }) }),
  );

describe('versions through the official SDK', () => {
  it('publishes numbered versions that keep the config of their moment', async () => {
    const v1 = await publish('first');
    expect(v1.body).toMatchObject({ versionId: '1', description: 'first' });
    await kit.client.updateFunction(
      'fn',
      new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ timeout: 30 }) }),
    );
    expect((await publish()).body?.versionId).toBe('2');

    const list = await kit.client.listFunctionVersions('fn', new $FC.ListFunctionVersionsRequest({}));
    expect(list.body?.versions?.map((v) => v.versionId)).toEqual(['2', '1']);
    expect(list.body?.direction).toBe('BACKWARD');

    const atV1 = await kit.client.getFunction('fn', new $FC.GetFunctionRequest({ qualifier: '1' }));
    expect(atV1.body?.timeout).toBe(5);
    const latest = await kit.client.getFunction('fn', new $FC.GetFunctionRequest({ qualifier: 'LATEST' }));
    expect(latest.body?.timeout).toBe(30);
  });

  it('deletes a version, and answers VersionNotFound afterwards', async () => {
    await publish();
    expect((await kit.client.deleteFunctionVersion('fn', '1')).statusCode).toBe(204);
    expect(await sdkError(kit.client.getFunction('fn', new $FC.GetFunctionRequest({ qualifier: '1' })))).toMatchObject({
      statusCode: 404,
      code: 'VersionNotFound',
    });
    expect(await sdkError(kit.client.deleteFunctionVersion('fn', '1'))).toMatchObject({
      statusCode: 404,
      code: 'VersionNotFound',
    });
  });

  it('serves the code of a version through GetFunctionCode with a qualifier', async () => {
    const v1Checksum = (await kit.client.getFunction('fn', new $FC.GetFunctionRequest({}))).body?.codeChecksum;
    await publish();
    const zipFile = zipBase64({ 'index.js': 'exports.handler = () => "v2";' });
    await kit.client.updateFunction(
      'fn',
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({ code: new $FC.InputCodeLocation({ zipFile }) }),
      }),
    );
    const code = await kit.client.getFunctionCode('fn', new $FC.GetFunctionCodeRequest({ qualifier: '1' }));
    expect(code.body?.checksum).toBe(v1Checksum);
  });
});

describe('aliases through the official SDK', () => {
  it('creates, lists, gets, updates and deletes an alias', async () => {
    await publish();
    await publish();
    const created = await createAlias('prod', '1');
    expect(created.body).toMatchObject({ aliasName: 'prod', versionId: '1', additionalVersionWeight: {} });

    const updated = await kit.client.updateAlias(
      'fn',
      'prod',
      new $FC.UpdateAliasRequest({
        body: new $FC.UpdateAliasInput({
          versionId: '2',
          additionalVersionWeight: { '1': 0.2 },
          description: 'canary',
        }),
      }),
    );
    expect(updated.body).toMatchObject({
      versionId: '2',
      additionalVersionWeight: { '1': 0.2 },
      description: 'canary',
    });
    expect((await kit.client.getAlias('fn', 'prod')).body?.toMap()).toEqual(updated.body?.toMap());
    const list = await kit.client.listAliases('fn', new $FC.ListAliasesRequest({}));
    expect(list.body?.aliases?.map((a) => a.aliasName)).toEqual(['prod']);

    expect((await kit.client.deleteAlias('fn', 'prod')).statusCode).toBe(204);
    expect(await sdkError(kit.client.getAlias('fn', 'prod'))).toMatchObject({ statusCode: 404, code: 'AliasNotFound' });
  });

  it('answers AliasAlreadyExists, and VersionNotFound for an alias to a missing version', async () => {
    await publish();
    await createAlias('prod', '1');
    expect(await sdkError(createAlias('prod', '1'))).toMatchObject({ statusCode: 409, code: 'AliasAlreadyExists' });
    expect(await sdkError(createAlias('next', '9'))).toMatchObject({ statusCode: 404, code: 'VersionNotFound' });
  });

  it('binds a trigger to an alias, and keeps the alias and its version while it is used', async () => {
    await publish();
    await createAlias('prod', '1');
    await createHttpTrigger(kit.client, 'fn', 'latest-trigger');
    const onAlias = await createHttpTrigger(kit.client, 'fn', 'prod-trigger', { qualifier: 'prod' });
    expect(onAlias.body?.qualifier).toBe('prod');

    expect(await sdkError(kit.client.deleteFunctionVersion('fn', '1'))).toMatchObject({
      statusCode: 409,
      code: 'ResourceInUse',
    });
    const inUse = await sdkError(kit.client.deleteAlias('fn', 'prod'));
    expect(inUse).toMatchObject({ statusCode: 409, code: 'ResourceInUse' });
    expect(inUse.message).toContain('prod-trigger');
  });
});

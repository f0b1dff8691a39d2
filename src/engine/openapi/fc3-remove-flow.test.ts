import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployFunction, deployTrigger, startHarness, ANONYMOUS, type Harness } from '../conformance/harness';
import { $FC } from './testing/engine-kit';
import { GATED } from './testing/request-gate';

// The calls Serverless Devs fc3's `s remove` makes (devsapp/fc3 src/subCommands/remove), in its
// order and with its reading of each answer: every one must succeed against the engine.
let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

async function deployEverything(functionName: string) {
  const c = h.client;
  await deployFunction(h, GATED, functionName);
  await deployTrigger(h, functionName, ANONYMOUS);
  await c.publishFunctionVersion(
    functionName,
    new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
  );
  await c.createAlias(
    functionName,
    new $FC.CreateAliasRequest({ body: new $FC.CreateAliasInput({ aliasName: 'test', versionId: '1' }) }),
  );
  await c.createVpcBinding(
    functionName,
    new $FC.CreateVpcBindingRequest({ body: new $FC.CreateVpcBindingInput({ vpcId: 'vpc-1' }) }),
  );
  await c.putProvisionConfig(
    functionName,
    new $FC.PutProvisionConfigRequest({ qualifier: 'test', body: new $FC.PutProvisionConfigInput({ target: 2 }) }),
  );
  await c.putConcurrencyConfig(
    functionName,
    new $FC.PutConcurrencyConfigRequest({ body: new $FC.PutConcurrencyInput({ reservedConcurrency: 80 }) }),
  );
  await c.putAsyncInvokeConfig(
    functionName,
    new $FC.PutAsyncInvokeConfigRequest({
      qualifier: 'test',
      body: new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts: 1 }),
    }),
  );
}

describe('fc3 `s remove` against the engine', () => {
  it('finds every sub-resource, removes each in fc3’s order, then the function', async () => {
    const functionName = 'fc3_removed';
    await deployEverything(functionName);
    const c = h.client;

    // What fc3 lists before it asks to confirm.
    await c.getFunction(functionName, new $FC.GetFunctionRequest({}));
    const { vpcIds } = (await c.listVpcBindings(functionName)).body!;
    const provision = (
      await c.listProvisionConfigs(new $FC.ListProvisionConfigsRequest({ functionName, limit: 100 }))
    ).body!.provisionConfigs!.map((item) => {
      const parts = item.functionArn!.split('/');
      return parts.length > 2 ? parts[parts.length - 1]! : 'LATEST';
    });
    const concurrency = (await c.getConcurrencyConfig(functionName)).body!.reservedConcurrency;
    const aliases = (await c.listAliases(functionName, new $FC.ListAliasesRequest({ limit: 100 }))).body!.aliases!;
    const versions = (await c.listFunctionVersions(functionName, new $FC.ListFunctionVersionsRequest({}))).body!
      .versions!;
    const triggers = (await c.listTriggers(functionName, new $FC.ListTriggersRequest({}))).body!.triggers!;
    const asyncConfigs = (
      await c.listAsyncInvokeConfigs(new $FC.ListAsyncInvokeConfigsRequest({ functionName }))
    ).body!.configs!.map((item) => item.functionArn!.split('/')[2] || 'LATEST');
    expect({ vpcIds, provision, concurrency, asyncConfigs }).toEqual({
      vpcIds: ['vpc-1'],
      provision: ['test'],
      concurrency: 80,
      asyncConfigs: ['test'],
    });

    // The removal, in fc3's order.
    for (const qualifier of asyncConfigs)
      await c.deleteAsyncInvokeConfig(functionName, new $FC.DeleteAsyncInvokeConfigRequest({ qualifier }));
    for (const trigger of triggers) await c.deleteTrigger(functionName, trigger.triggerName!);
    for (const vpcId of vpcIds!) await c.deleteVpcBinding(functionName, vpcId);
    for (const qualifier of provision) {
      await c.deleteProvisionConfig(functionName, new $FC.DeleteProvisionConfigRequest({ qualifier }));
      // fc3 polls until nothing is provisioned any more.
      const { current } = (await c.getProvisionConfig(functionName, new $FC.GetProvisionConfigRequest({ qualifier })))
        .body!;
      expect(current).toBe(0);
    }
    await c.deleteConcurrencyConfig(functionName);
    for (const alias of aliases) await c.deleteAlias(functionName, alias.aliasName!);
    for (const version of versions) await c.deleteFunctionVersion(functionName, version.versionId!);
    expect((await c.deleteFunction(functionName)).statusCode).toBe(204);
  });

  it('on a function without the optional sub-resources, fc3’s lookups fail only where fc3 expects it', async () => {
    const functionName = 'fc3_bare';
    await deployFunction(h, GATED, functionName);
    const c = h.client;
    expect((await c.listVpcBindings(functionName)).body?.vpcIds).toEqual([]);
    expect(
      (await c.listProvisionConfigs(new $FC.ListProvisionConfigsRequest({ functionName }))).body?.provisionConfigs,
    ).toEqual([]);
    expect(await c.getConcurrencyConfig(functionName).catch((e: { code: string }) => e.code)).toBe(
      'OnDemandConfigNotFound',
    );
    expect(
      (await c.listAsyncInvokeConfigs(new $FC.ListAsyncInvokeConfigsRequest({ functionName }))).body?.configs,
    ).toEqual([]);
    expect((await c.deleteFunction(functionName)).statusCode).toBe(204);
  });
});

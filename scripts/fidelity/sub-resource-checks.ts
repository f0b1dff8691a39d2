import assert from 'node:assert/strict';
import { call, deployFunction, deployHttp } from '../../src/engine/conformance/harness';
import { $FC } from '../../src/engine/openapi/testing/engine-kit';
import { GATED, startRequestGate } from '../../src/engine/openapi/testing/request-gate';
import { failureOf, type Check } from './check';
import { WHO } from './functions';

/** The function sub-resources `s deploy`, `s info` and `s remove` read and write, and what has a local meaning. */
export const SUB_RESOURCE_CHECKS: Check[] = [
  {
    name: 'concurrency: Put/Get/List/Delete; reservedConcurrency 1 caps the instances, a second request is 429',
    async run({ h }) {
      const { functionName, urlInternet } = await deployHttp(h, GATED);
      const put = new $FC.PutConcurrencyInput({ reservedConcurrency: 1 });
      await h.client.putConcurrencyConfig(functionName, new $FC.PutConcurrencyConfigRequest({ body: put }));
      assert.equal((await h.client.getConcurrencyConfig(functionName)).body!.reservedConcurrency, 1);
      const listed = await h.client.listConcurrencyConfigs(new $FC.ListConcurrencyConfigsRequest({ functionName }));
      assert.equal(listed.body!.configs!.length, 1);
      const gate = await startRequestGate();
      try {
        const first = call(urlInternet, { path: `/?gate=${encodeURIComponent(gate.url)}` });
        await gate.arrived;
        const running = await h.client.listInstances(functionName, new $FC.ListInstancesRequest({}));
        assert.equal(running.body!.instances!.length, 1);
        const second = await call(urlInternet);
        assert.equal(second.status, 429, second.text);
        gate.open();
        assert.equal((await first).status, 200);
      } finally {
        gate.open();
        await gate.close();
      }
      assert.equal((await h.client.deleteConcurrencyConfig(functionName)).statusCode, 204);
      assert.equal((await failureOf(h.client.getConcurrencyConfig(functionName))).code, 'OnDemandConfigNotFound');
    },
  },
  {
    name: 'async invoke configs: Put per qualifier, the list fc3 reads, Delete',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('acfg'));
      const input = new $FC.PutAsyncInvokeConfigInput({ maxAsyncRetryAttempts: 1, maxAsyncEventAgeInSeconds: 600 });
      await h.client.putAsyncInvokeConfig(fn, new $FC.PutAsyncInvokeConfigRequest({ body: input }));
      const listed = await h.client.listAsyncInvokeConfigs(new $FC.ListAsyncInvokeConfigsRequest({ functionName: fn }));
      assert.deepEqual(
        listed.body!.configs!.map((c) => [c.maxAsyncRetryAttempts, c.maxAsyncEventAgeInSeconds]),
        [[1, 600]],
      );
      await h.client.deleteAsyncInvokeConfig(fn, new $FC.DeleteAsyncInvokeConfigRequest({}));
      const after = await h.client.listAsyncInvokeConfigs(new $FC.ListAsyncInvokeConfigsRequest({ functionName: fn }));
      assert.deepEqual(after.body!.configs, []);
    },
  },
  {
    name: 'provision and scaling configs: stored and answered, listed, deleted',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('prov'));
      await h.client.putProvisionConfig(
        fn,
        new $FC.PutProvisionConfigRequest({ body: new $FC.PutProvisionConfigInput({ target: 2 }) }),
      );
      assert.equal((await h.client.getProvisionConfig(fn, new $FC.GetProvisionConfigRequest({}))).body!.target, 2);
      const provisions = await h.client.listProvisionConfigs(new $FC.ListProvisionConfigsRequest({ functionName: fn }));
      assert.equal(provisions.body!.provisionConfigs!.length, 1);
      await h.client.deleteProvisionConfig(fn, new $FC.DeleteProvisionConfigRequest({}));
      const scaling = new $FC.PutScalingConfigInput({ minInstances: 1 });
      await h.client.putScalingConfig(fn, new $FC.PutScalingConfigRequest({ body: scaling }));
      const scalings = await h.client.listScalingConfigs(new $FC.ListScalingConfigsRequest({ functionName: fn }));
      assert.equal(scalings.body!.scalingConfigs!.length, 1);
      assert.equal((await h.client.deleteScalingConfig(fn, new $FC.DeleteScalingConfigRequest({}))).statusCode, 204);
    },
  },
  {
    name: 'VPC bindings, tags and layers: as a deploy and a remove read them',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('vpc'));
      await h.client.createVpcBinding(
        fn,
        new $FC.CreateVpcBindingRequest({ body: new $FC.CreateVpcBindingInput({ vpcId: 'vpc-1' }) }),
      );
      assert.deepEqual((await h.client.listVpcBindings(fn)).body!.vpcIds, ['vpc-1']);
      assert.equal((await h.client.deleteVpcBinding(fn, 'vpc-1')).statusCode, 204);
      const arn = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!.functionArn!;
      const tags = new $FC.TagResourcesInput({
        resourceId: [arn],
        resourceType: 'function',
        tag: [new $FC.Tag({ key: 'team', value: 'web' })],
      });
      await h.client.tagResources(new $FC.TagResourcesRequest({ body: tags }));
      const listed = await h.client.listTagResources(
        new $FC.ListTagResourcesRequest({ resourceType: 'function', resourceId: [arn] }),
      );
      assert.deepEqual(
        listed.body!.tagResources!.map((t) => `${t.tagKey}=${t.tagValue}`),
        ['team=web'],
      );
      assert.deepEqual((await h.client.listLayers(new $FC.ListLayersRequest({ limit: 10 }))).body!.layers, []);
      assert.equal((await failureOf(h.client.getLayerVersion('my-layer', '1'))).code, 'LayerNotFound');
    },
  },
  {
    name: "an operation the engine does not have: FC's 404 RouteNotFound",
    async run({ h }) {
      const error = await failureOf(h.client.describeRegions(new $FC.DescribeRegionsRequest({})));
      assert.deepEqual([error.statusCode, error.code], [404, 'RouteNotFound']);
    },
  },
];

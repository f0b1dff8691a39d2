import assert from 'node:assert/strict';
import { text } from 'node:stream/consumers';
import { RUNTIMES } from '../../src/contract/function';
import { deployFunction } from '../../src/engine/conformance/harness';
import { $FC, HELLO_ZIP } from '../../src/engine/openapi/testing/engine-kit';
import { failureOf, type Check } from './check';
import { FAILING, WHO } from './functions';
import { invoke, until } from './invoke';

const runsLocally = (runtime: string) => ['nodejs', 'python3', 'custom'].some((family) => runtime.startsWith(family));

export const FUNCTION_CHECKS: Check[] = [
  {
    name: 'functions: create, get, list, update and delete through the SDK',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('crud'));
      const update = new $FC.UpdateFunctionInput({
        description: 'edited',
        memorySize: 1024,
        environmentVariables: { A: '1' },
      });
      await h.client.updateFunction(fn, new $FC.UpdateFunctionRequest({ body: update }));
      const got = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!;
      assert.deepEqual([got.description, got.memorySize, got.environmentVariables], ['edited', 1024, { A: '1' }]);
      const listed = await h.client.listFunctions(new $FC.ListFunctionsRequest({ prefix: fn, limit: 10 }));
      assert.deepEqual(
        listed.body!.functions!.map((f) => f.functionName),
        [fn],
      );
      assert.equal((await h.client.deleteFunction(fn)).statusCode, 204);
      assert.equal(
        (await failureOf(h.client.getFunction(fn, new $FC.GetFunctionRequest({})))).code,
        'FunctionNotFound',
      );
    },
  },
  {
    name: 'the cloud-only function settings (cpu, diskSize, vpcConfig, logConfig, layers, hooks…) are kept, answered and merged',
    async run({ h, name }) {
      const fn = name('cloud');
      const input = new $FC.CreateFunctionInput({
        functionName: fn,
        runtime: 'nodejs20',
        code: new $FC.InputCodeLocation({ zipFile: HELLO_ZIP }),
        cpu: 0.5,
        memorySize: 1024,
        diskSize: 10240,
        role: 'acs:ram::1:role/fc',
        vpcConfig: new $FC.VPCConfig({ vpcId: 'vpc-1', vSwitchIds: ['vsw-1'], securityGroupId: 'sg-1' }),
        logConfig: new $FC.LogConfig({ project: 'p', logstore: 'l' }),
        layers: ['acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/2'],
        instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({
          initializer: new $FC.LifecycleHook({ handler: 'index.init', timeout: 3 }),
        }),
      });
      await h.client.createFunction(new $FC.CreateFunctionRequest({ body: input }));
      const update = new $FC.UpdateFunctionInput({ internetAccess: false });
      await h.client.updateFunction(fn, new $FC.UpdateFunctionRequest({ body: update }));
      const got = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!;
      assert.deepEqual(
        [got.cpu, got.diskSize, got.role, got.vpcConfig?.vpcId, got.logConfig?.logstore, got.internetAccess],
        [0.5, 10240, 'acs:ram::1:role/fc', 'vpc-1', 'l', false],
      );
      assert.deepEqual(
        [got.layers?.[0]?.arn, got.instanceLifecycleConfig?.initializer?.handler],
        [input.layers![0], 'index.init'],
      );
    },
  },
  {
    name: 'every FC 3.0 runtime is stored and listed; one the engine cannot run answers 501 RuntimeNotSupportedLocally',
    async run({ h, name }) {
      const prefix = name('rt');
      for (const [i, runtime] of RUNTIMES.entries()) {
        const container = runtime === 'custom-container';
        const input = new $FC.CreateFunctionInput({
          functionName: `${prefix}_${i}`,
          runtime,
          handler: 'index.handler',
          ...(container
            ? {
                customContainerConfig: new $FC.CustomContainerConfig({
                  image: 'registry.cn-hangzhou.aliyuncs.com/ns/app:1',
                }),
              }
            : { code: new $FC.InputCodeLocation({ zipFile: HELLO_ZIP }) }),
        });
        await h.client.createFunction(new $FC.CreateFunctionRequest({ body: input }));
      }
      const listed = await h.client.listFunctions(new $FC.ListFunctionsRequest({ prefix, limit: 100 }));
      assert.deepEqual(listed.body!.functions!.map((f) => f.runtime).sort(), [...RUNTIMES].sort());
      for (const [i, runtime] of RUNTIMES.entries()) {
        if (runsLocally(runtime)) continue;
        const error = await failureOf(invoke(h, `${prefix}_${i}`), `invoking a ${runtime} function`);
        assert.deepEqual([runtime, error.statusCode, error.code], [runtime, 501, 'RuntimeNotSupportedLocally']);
      }
    },
  },
  {
    name: 'InvokeFunction headers fc3 reads: x-fc-instance-id, -invocation-service-version, -code-checksum, -log-result, -error-type',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('hdr'));
      const res = await invoke(h, fn, { xFcLogType: 'Tail' });
      const ran = JSON.parse(await text(res.body!)) as { instanceId: string };
      const { codeChecksum } = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!;
      assert.equal(res.headers!['x-fc-instance-id'], ran.instanceId);
      assert.equal(res.headers!['x-fc-invocation-service-version'], 'LATEST');
      assert.equal(res.headers!['x-fc-code-checksum'], codeChecksum);
      assert.ok(res.headers!['x-fc-log-result'] !== undefined, 'no x-fc-log-result with x-fc-log-type: Tail');
      const failing = await deployFunction(h, FAILING, name('err'));
      const failed = await invoke(h, failing, { xFcLogType: 'Tail' });
      assert.equal(failed.headers!['x-fc-error-type'], 'UnhandledInvocationError');
      assert.match(Buffer.from(failed.headers!['x-fc-log-result']!, 'base64').toString(), /about to fail/);
    },
  },
  {
    name: 'versions and aliases: publish, a weighted alias, an invocation through it names the version',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('ver'));
      const publish = () =>
        h.client.publishFunctionVersion(
          fn,
          new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({ description: 'v' }) }),
        );
      const v1 = (await publish()).body!.versionId!;
      await h.client.updateFunction(
        fn,
        new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ description: 'two' }) }),
      );
      const v2 = (await publish()).body!.versionId!;
      const alias = new $FC.CreateAliasInput({
        aliasName: 'prod',
        versionId: v2,
        additionalVersionWeight: { [v1]: 0 },
      });
      await h.client.createAlias(fn, new $FC.CreateAliasRequest({ body: alias }));
      const got = (await h.client.getAlias(fn, 'prod')).body!;
      assert.deepEqual([got.versionId, got.additionalVersionWeight], [v2, { [v1]: 0 }]);
      const res = await invoke(h, fn, {}, 'prod');
      assert.equal(res.headers!['x-fc-invocation-service-version'], v2);
      const versions = await h.client.listFunctionVersions(fn, new $FC.ListFunctionVersionsRequest({}));
      assert.deepEqual(versions.body!.versions!.map((v) => v.versionId).sort(), [v1, v2].sort());
    },
  },
  {
    name: "async invoke with a task id (the SDK's rule); the AsyncTask has destinationStatus and instanceId",
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('async'));
      for (const refused of ['1job', 'job.1'])
        assert.equal(
          (await failureOf(invoke(h, fn, { xFcInvocationType: 'Async', xFcAsyncTaskId: refused }))).statusCode,
          400,
        );
      const taskId = `_job-${name('t')}`;
      const res = await invoke(h, fn, { xFcInvocationType: 'Async', xFcAsyncTaskId: taskId });
      assert.deepEqual([res.statusCode, res.headers!['x-fc-async-task-id']], [202, taskId]);
      const get = async () => (await h.client.getAsyncTask(fn, taskId, new $FC.GetAsyncTaskRequest({}))).body!;
      const task = await until(get, (t) => t.status === 'Succeeded');
      assert.equal(task.status, 'Succeeded');
      assert.equal(task.destinationStatus, 'Succeeded');
      assert.equal(task.instanceId, (JSON.parse(task.returnPayload!) as { instanceId: string }).instanceId);
      const listed = await h.client.listAsyncTasks(
        fn,
        new $FC.ListAsyncTasksRequest({ includePayload: true, limit: 10 }),
      );
      assert.deepEqual(
        listed.body!.tasks!.map((t) => t.taskId),
        [taskId],
      );
    },
  },
];

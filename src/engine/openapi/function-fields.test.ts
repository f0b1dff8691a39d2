import { describe, expect, it } from 'vitest';
import { startEngine } from '../server';
import { $FC, createFunction, sdkClient, sdkError, useTestEngine } from './testing/engine-kit';

const kit = useTestEngine();

/** Every cloud-only field of CreateFunctionInput, in the SDK's spelling and model classes. */
const CLOUD_FIELDS = {
  cpu: 0.5,
  diskSize: 10240,
  role: 'acs:ram::188077086902****:role/fc-test',
  internetAccess: false,
  layers: ['acs:fc:cn-hangzhou:official:layers/Nodejs20/versions/2'],
  vpcConfig: new $FC.VPCConfig({ vpcId: 'vpc-1', vSwitchIds: ['vsw-1'], securityGroupId: 'sg-1' }),
  logConfig: new $FC.LogConfig({
    project: 'p',
    logstore: 'l',
    logBeginRule: 'DefaultRegex',
    enableRequestMetrics: true,
  }),
  tracingConfig: new $FC.TracingConfig({ type: 'Jaeger', params: { endpoint: 'http://tracing' } }),
  instanceLifecycleConfig: new $FC.InstanceLifecycleConfig({
    initializer: new $FC.LifecycleHook({ handler: 'index.init', timeout: 10 }),
    preStop: new $FC.LifecycleHook({ handler: 'index.stop', timeout: 5 }),
  }),
  nasConfig: new $FC.NASConfig({
    userId: 100,
    groupId: 100,
    mountPoints: [new $FC.NASMountConfig({ serverAddr: 'x.nas.com:/', mountDir: '/mnt/nas', enableTLS: true })],
  }),
  ossMountConfig: new $FC.OSSMountConfig({
    mountPoints: [
      new $FC.OSSMountPoint({ bucketName: 'b', bucketPath: '/', endpoint: 'e', mountDir: '/mnt/oss', readOnly: true }),
    ],
  }),
  gpuConfig: new $FC.GPUConfig({ gpuType: 'fc.gpu.tesla.1', gpuMemorySize: 2048 }),
  customDNS: new $FC.CustomDNS({
    nameServers: ['8.8.8.8'],
    searches: ['svc.local'],
    dnsOptions: [new $FC.DNSOption({ name: 'ndots', value: '2' })],
  }),
  instanceIsolationMode: 'SHARE',
  sessionAffinity: 'MCP_SSE',
  idleTimeout: 100,
};

function plain(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

async function getFunction(name: string) {
  const got = await kit.client.getFunction(name, new $FC.GetFunctionRequest({}));
  return got.body!.toMap();
}

describe('the function settings with no local meaning', () => {
  it('are stored as sent and answered by Create, Get and List in the Function model', async () => {
    const created = await createFunction(kit.client, 'all_fields', { ...CLOUD_FIELDS, memorySize: 512 });
    const expected = {
      ...plain(CLOUD_FIELDS),
      layers: [{ arn: CLOUD_FIELDS.layers[0] }],
    };
    expect(created.body!.toMap()).toMatchObject(expected);
    expect(await getFunction('all_fields')).toMatchObject(expected);
    const listed = await kit.client.listFunctions(new $FC.ListFunctionsRequest({}));
    expect(listed.body?.functions?.[0]?.toMap()).toMatchObject(expected);
  });

  it('answer the service defaults when never sent, and the engine refuses no read', async () => {
    await createFunction(kit.client, 'plain_fn');
    const got = await getFunction('plain_fn');
    expect(got).toMatchObject({ diskSize: 512, internetAccess: true, logConfig: {} });
    expect(got).not.toHaveProperty('cpu');
    expect(got).not.toHaveProperty('vpcConfig');
  });

  it('are merged by UpdateFunction: a field sent replaces its value, the absent ones keep theirs', async () => {
    await createFunction(kit.client, 'merge_fn', { ...CLOUD_FIELDS, timeout: 30 });
    const updated = await kit.client.updateFunction(
      'merge_fn',
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({ vpcConfig: new $FC.VPCConfig({ vpcId: 'vpc-2' }), internetAccess: true }),
      }),
    );
    const after = updated.body!.toMap();
    expect(after).toMatchObject({ vpcConfig: { vpcId: 'vpc-2' }, internetAccess: true, timeout: 30 });
    expect(after.vpcConfig).not.toHaveProperty('vSwitchIds');
    const { vpcConfig: _vpc, internetAccess: _net, ...untouched } = CLOUD_FIELDS;
    expect(await getFunction('merge_fn')).toMatchObject({
      ...plain(untouched),
      layers: [{ arn: CLOUD_FIELDS.layers[0] }],
    });
  });

  it('follow the function into a published version', async () => {
    await createFunction(kit.client, 'versioned', { cpu: 0.25, diskSize: 512 });
    await kit.client.publishFunctionVersion(
      'versioned',
      new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
    );
    await kit.client.updateFunction(
      'versioned',
      new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ cpu: 0.5 }) }),
    );
    const v1 = await kit.client.getFunction('versioned', new $FC.GetFunctionRequest({ qualifier: '1' }));
    expect(v1.body).toMatchObject({ cpu: 0.25 });
    expect(await getFunction('versioned')).toMatchObject({ cpu: 0.5 });
  });

  it.each([
    ['cpu', { cpu: 0.33 }, 'cpu: vCPU is a multiple of 0.05'],
    ['cpu', { cpu: 32 }, 'cpu: vCPU is a multiple of 0.05'],
    ['diskSize', { diskSize: 1024 }, 'diskSize: Disk size is 512 or 10240 MB.'],
    ['cpu to memory', { cpu: 2, memorySize: 512 }, 'cpu: vCPU to memory (in GB) must be from 1:1 to 1:4.'],
    ['layers', { layers: Array.from({ length: 11 }, (_, i) => `layer-${i}`) }, 'layers'],
  ])('refuse a bad %s with 400 naming the field', async (_what, fields, message) => {
    const error = await sdkError(createFunction(kit.client, 'bad_fn', fields));
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(error.message).toContain(message);
    expect((await sdkError(getFunction('bad_fn'))).code).toBe('FunctionNotFound');
  });

  it('refuse on update a cpu out of ratio with the memory the function keeps', async () => {
    await createFunction(kit.client, 'ratio_fn', { memorySize: 512 });
    const error = await sdkError(
      kit.client.updateFunction(
        'ratio_fn',
        new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ cpu: 1 }) }),
      ),
    );
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(error.message).toContain('cpu: vCPU to memory');
  });

  it('set the tags of CreateFunction as TagResources does', async () => {
    const created = await createFunction(kit.client, 'tagged', { tags: [new $FC.Tag({ key: 'team', value: 'a' })] });
    const tags = await kit.client.listTagResources(
      new $FC.ListTagResourcesRequest({ resourceType: 'function', resourceId: [created.body!.functionArn!] }),
    );
    expect(tags.body?.tagResources?.map((t) => [t.tagKey, t.tagValue])).toEqual([['team', 'a']]);
  });
});

describe('function names', () => {
  it('are 1 to 64 characters, as the service documents for CreateFunction', async () => {
    expect((await createFunction(kit.client, 'f'.repeat(64))).statusCode).toBe(200);
    const error = await sdkError(createFunction(kit.client, 'f'.repeat(65)));
    expect(error).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(error.message).toContain('functionName: A function name has at most 64 characters.');
  });
});

describe('a data dir from before these fields', () => {
  it('answers its functions with the service defaults and accepts the fields on update', async () => {
    await createFunction(kit.client, 'old_fn', { cpu: 0.5 });
    // Rewrite the stored config as an engine before this change wrote it: no cloudSettings.
    const row = kit.engine.store.db.prepare('SELECT config FROM functions WHERE function_name = ?').get('old_fn') as {
      config: string;
    };
    const { cloudSettings: _dropped, ...oldConfig } = JSON.parse(row.config) as Record<string, unknown>;
    kit.engine.store.db
      .prepare('UPDATE functions SET config = ? WHERE function_name = ?')
      .run(JSON.stringify(oldConfig), 'old_fn');
    const dataDir = kit.engine.store.dataDir;
    await kit.engine.close();
    kit.engine = await startEngine({ dataDir, host: '127.0.0.1', port: 0 });
    kit.client = sdkClient(kit.engine);

    const got = await getFunction('old_fn');
    expect(got).toMatchObject({ functionName: 'old_fn', diskSize: 512, internetAccess: true, logConfig: {} });
    expect(got).not.toHaveProperty('cpu');
    await kit.client.updateFunction(
      'old_fn',
      new $FC.UpdateFunctionRequest({ body: new $FC.UpdateFunctionInput({ role: 'acs:ram::1:role/r' }) }),
    );
    expect(await getFunction('old_fn')).toMatchObject({ role: 'acs:ram::1:role/r', timeout: 3 });
  });
});

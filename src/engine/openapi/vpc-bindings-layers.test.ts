import { describe, expect, it } from 'vitest';
import { $FC, createFunction, sdkError, useTestEngine } from './testing/engine-kit';

const kit = useTestEngine((client) => createFunction(client, 'fn'));

const bind = (vpcId: string, functionName = 'fn') =>
  kit.client.createVpcBinding(
    functionName,
    new $FC.CreateVpcBindingRequest({ body: new $FC.CreateVpcBindingInput({ vpcId }) }),
  );

describe('VPC bindings through the official SDK', () => {
  it('binds, lists and unbinds VPCs; binding one twice changes nothing', async () => {
    expect((await bind('vpc-b')).statusCode).toBe(200);
    await bind('vpc-a');
    await bind('vpc-a');
    const listed = await kit.client.listVpcBindings('fn');
    expect(listed.body).toBeInstanceOf($FC.ListVpcBindingsOutput);
    expect(listed.body?.vpcIds).toEqual(['vpc-a', 'vpc-b']);

    expect((await kit.client.deleteVpcBinding('fn', 'vpc-a')).statusCode).toBe(204);
    expect((await kit.client.listVpcBindings('fn')).body?.vpcIds).toEqual(['vpc-b']);
    const again = await sdkError(kit.client.deleteVpcBinding('fn', 'vpc-a'));
    expect(again).toMatchObject({ statusCode: 404, code: 'VpcBindingNotFound' });
    expect(again.data.Message).toBe('VPC "vpc-a" is not bound to function "fn"');
  });

  it('refuses an empty vpcId and a missing function', async () => {
    const empty = await sdkError(bind(''));
    expect(empty).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(empty.data.Message).toBe('vpcId: Name the VPC to bind.');
    expect(await sdkError(bind('vpc-a', 'nope'))).toMatchObject({ statusCode: 404, code: 'FunctionNotFound' });
    expect(await sdkError(kit.client.listVpcBindings('nope'))).toMatchObject({
      statusCode: 404,
      code: 'FunctionNotFound',
    });
  });

  it('go with their function', async () => {
    await bind('vpc-a');
    await kit.client.deleteFunction('fn');
    await createFunction(kit.client, 'fn');
    expect((await kit.client.listVpcBindings('fn')).body?.vpcIds).toEqual([]);
  });
});

describe('layers, as far as a deploy reads them', () => {
  it('lists no layers, and a named layer or layer version is FC’s 404', async () => {
    const layers = await kit.client.listLayers(new $FC.ListLayersRequest({ limit: 10 }));
    expect(layers.body).toBeInstanceOf($FC.ListLayersOutput);
    expect(layers.body?.layers).toEqual([]);
    expect(layers.body?.nextToken).toBeUndefined();

    const arn = `acs:fc:cn-hangzhou:${kit.engine.credentials.accountId}:layers/my-layer/versions/1`;
    expect(await sdkError(kit.client.getLayerVersionByArn(arn))).toMatchObject({
      statusCode: 404,
      code: 'LayerVersionNotFound',
      data: { Message: `layer version "${arn}" does not exist` },
    });
    expect(await sdkError(kit.client.getLayerVersion('my-layer', '1'))).toMatchObject({
      statusCode: 404,
      code: 'LayerNotFound',
    });
    expect(
      await sdkError(kit.client.listLayerVersions('my-layer', new $FC.ListLayerVersionsRequest({ limit: 10 }))),
    ).toMatchObject({ statusCode: 404, code: 'LayerNotFound' });
  });

  it('an operation the engine does not have is still FC’s RouteNotFound', async () => {
    const error = await sdkError(kit.client.describeRegions(new $FC.DescribeRegionsRequest({})));
    expect(error).toMatchObject({ statusCode: 404, code: 'RouteNotFound' });
    expect(error.data.Message).toBe('GET /2023-03-30/regions is not an operation of this API.');
  });
});

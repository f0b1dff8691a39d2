import { describe, expect, it } from 'vitest';
import { $FC, createFunction, sdkError, useTestEngine } from './testing/engine-kit';

const kit = useTestEngine(async (client) => {
  await createFunction(client, 'fn_a');
  await createFunction(client, 'fn_b');
});

const arn = (name: string) => `acs:fc:cn-hangzhou:${kit.engine.credentials.accountId}:functions/${name}`;

const tag = (resourceId: string[], tags: Record<string, string>, resourceType = 'function') =>
  kit.client.tagResources(
    new $FC.TagResourcesRequest({
      body: new $FC.TagResourcesInput({
        resourceId,
        resourceType,
        tag: Object.entries(tags).map(([key, value]) => new $FC.Tag({ key, value })),
      }),
    }),
  );

const list = (request: Partial<$FC.ListTagResourcesRequest> = {}) =>
  kit.client.listTagResources(new $FC.ListTagResourcesRequest({ resourceType: 'function', ...request }));

const rows = (response: Awaited<ReturnType<typeof list>>) =>
  response.body?.tagResources?.map((t) => `${t.resourceId?.split('/').pop()} ${t.tagKey}=${t.tagValue}`);

describe('tags (tags-v2) through the official SDK', () => {
  it('tags functions, lists them in the SDK’s shape, and a key tagged again takes the new value', async () => {
    expect((await tag([arn('fn_a'), arn('fn_b')], { team: 'web', env: 'dev' })).statusCode).toBe(200);
    await tag([arn('fn_b')], { env: 'prod' }, 'ALIYUN::FC::FUNCTION');
    const all = await list();
    expect(all.body).toBeInstanceOf($FC.ListTagResourcesOutput);
    expect(all.body?.requestId).toBe(all.headers?.['x-fc-request-id']);
    expect(all.body?.tagResources?.[0]?.toMap()).toEqual({
      ResourceId: arn('fn_a'),
      ResourceType: 'function',
      TagKey: 'env',
      TagValue: 'dev',
    });
    expect(rows(all)).toEqual(['fn_a env=dev', 'fn_a team=web', 'fn_b env=prod', 'fn_b team=web']);
  });

  it('filters by resource and by tag, and pages', async () => {
    await tag([arn('fn_a'), arn('fn_b')], { team: 'web' });
    await tag([arn('fn_b')], { env: 'prod' });
    expect(rows(await list({ resourceId: [arn('fn_a')] }))).toEqual(['fn_a team=web']);
    const prod = await list({ tag: [new $FC.ListTagResourcesRequestTag({ key: 'env', value: 'prod' })] });
    expect(rows(prod)).toEqual(['fn_b env=prod', 'fn_b team=web']);
    const first = await list({ limit: 2 });
    expect(rows(first)).toEqual(['fn_a team=web', 'fn_b env=prod']);
    const second = await list({ limit: 2, nextToken: first.body?.nextToken });
    expect(rows(second)).toEqual(['fn_b team=web']);
    expect(second.body?.nextToken).toBeUndefined();
  });

  it('untags by key or all at once; tags go with their function', async () => {
    await tag([arn('fn_a'), arn('fn_b')], { team: 'web', env: 'dev' });
    const untagged = await kit.client.untagResources(
      new $FC.UntagResourcesRequest({ resourceId: [arn('fn_a')], resourceType: 'function', tagKey: ['env'] }),
    );
    expect(untagged.statusCode).toBe(204);
    await kit.client.untagResources(
      new $FC.UntagResourcesRequest({ resourceId: [arn('fn_b')], resourceType: 'function', all: true }),
    );
    expect(rows(await list())).toEqual(['fn_a team=web']);
    await kit.client.deleteFunction('fn_a');
    await createFunction(kit.client, 'fn_a');
    expect(rows(await list())).toEqual([]);
  });

  it('refuses what cannot be tagged: another resource type, a foreign ARN, a missing function, a reserved key', async () => {
    expect(await sdkError(tag([arn('fn_a')], { a: 'b' }, 'ALIYUN::FC::ALIAS'))).toMatchObject({
      statusCode: 400,
      code: 'InvalidArgument',
    });
    const foreign = await sdkError(tag(['acs:fc:cn-shanghai:1:functions/fn_a'], { a: 'b' }));
    expect(foreign).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(foreign.data.Message).toMatch(/^ResourceId: /);
    expect(await sdkError(tag([arn('gone')], { a: 'b' }))).toMatchObject({ statusCode: 404, code: 'FunctionNotFound' });
    const reserved = await sdkError(tag([arn('fn_a')], { 'aliyun:x': 'b' }));
    expect(reserved).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(reserved.data.Message).toBe(
      'Tag.0.Key: A tag key cannot start with aliyun or acs:, nor contain http:// or https://.',
    );
    const nothing = await sdkError(
      kit.client.untagResources(new $FC.UntagResourcesRequest({ resourceId: [arn('fn_a')], resourceType: 'function' })),
    );
    expect(nothing).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(await sdkError(list({ nextToken: 'not-a-token' }))).toMatchObject({
      statusCode: 400,
      code: 'InvalidArgument',
    });
  });
});

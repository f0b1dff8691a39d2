import { describe, expect, it } from 'vitest';
import { $FC, createFunction, sdkError, useTestEngine } from './testing/engine-kit';
import { NOT_RUN_LOCALLY } from './sub-resource-views';

const kit = useTestEngine(async (client) => {
  await createFunction(client, 'fn');
  await client.publishFunctionVersion(
    'fn',
    new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
  );
  await client.createAlias(
    'fn',
    new $FC.CreateAliasRequest({ body: new $FC.CreateAliasInput({ aliasName: 'prod', versionId: '1' }) }),
  );
});

const arn = (name: string) => `acs:fc:cn-hangzhou:${kit.engine.credentials.accountId}:functions/${name}`;

const putProvision = (qualifier: string | undefined, body: Partial<$FC.PutProvisionConfigInput>, functionName = 'fn') =>
  kit.client.putProvisionConfig(
    functionName,
    new $FC.PutProvisionConfigRequest({ qualifier, body: new $FC.PutProvisionConfigInput(body) }),
  );

const putScaling = (qualifier: string | undefined, body: Partial<$FC.PutScalingConfigInput>, functionName = 'fn') =>
  kit.client.putScalingConfig(
    functionName,
    new $FC.PutScalingConfigRequest({ qualifier, body: new $FC.PutScalingConfigInput(body) }),
  );

describe('provision configs through the official SDK', () => {
  it('stores a config per qualifier and answers it with no instances started, saying why', async () => {
    const action = new $FC.ScheduledAction({ name: 'morning', scheduleExpression: 'cron(0 0 8 * * *)', target: 3 });
    const policy = new $FC.TargetTrackingPolicy({
      name: 'cpu',
      metricType: 'CPUUtilization',
      metricTarget: 0.6,
      minCapacity: 1,
      maxCapacity: 5,
    });
    const put = await putProvision('prod', {
      target: 2,
      alwaysAllocateCPU: true,
      scheduledActions: [action],
      targetTrackingPolicies: [policy],
    });
    expect(put.body).toBeInstanceOf($FC.ProvisionConfig);
    const expected = {
      functionArn: `${arn('fn')}/prod`,
      target: 2,
      current: 0,
      currentError: NOT_RUN_LOCALLY,
      alwaysAllocateCPU: true,
      scheduledActions: [action.toMap()],
      targetTrackingPolicies: [policy.toMap()],
    };
    expect(put.body?.toMap()).toEqual(expected);
    const got = await kit.client.getProvisionConfig('fn', new $FC.GetProvisionConfigRequest({ qualifier: 'prod' }));
    expect(got.body?.toMap()).toEqual(expected);

    // A PUT replaces the whole config.
    await putProvision('prod', { target: 1 });
    const replaced = await kit.client.getProvisionConfig(
      'fn',
      new $FC.GetProvisionConfigRequest({ qualifier: 'prod' }),
    );
    expect(replaced.body?.toMap()).toEqual({
      functionArn: `${arn('fn')}/prod`,
      target: 1,
      current: 0,
      currentError: NOT_RUN_LOCALLY,
    });
  });

  it('answers nothing provisioned (200, target 0) for a qualifier without a config, before and after a delete', async () => {
    const none = await kit.client.getProvisionConfig('fn', new $FC.GetProvisionConfigRequest({}));
    expect(none.statusCode).toBe(200);
    expect(none.body?.toMap()).toEqual({ target: 0, current: 0 });

    await putProvision(undefined, { target: 4 });
    expect((await kit.client.getProvisionConfig('fn', new $FC.GetProvisionConfigRequest({}))).body?.functionArn).toBe(
      arn('fn'),
    );
    const deleted = await kit.client.deleteProvisionConfig('fn', new $FC.DeleteProvisionConfigRequest({}));
    expect(deleted.statusCode).toBe(204);
    const after = await kit.client.getProvisionConfig('fn', new $FC.GetProvisionConfigRequest({}));
    expect(after.body?.toMap()).toEqual({ target: 0, current: 0 });
  });

  it('refuses an unknown function, version or alias, and a negative target', async () => {
    expect(await sdkError(putProvision(undefined, { target: 1 }, 'nope'))).toMatchObject({
      statusCode: 404,
      code: 'FunctionNotFound',
    });
    expect(await sdkError(putProvision('9', { target: 1 }))).toMatchObject({
      statusCode: 404,
      code: 'VersionNotFound',
    });
    expect(await sdkError(putProvision('staging', { target: 1 }))).toMatchObject({
      statusCode: 404,
      code: 'AliasNotFound',
    });
    const negative = await sdkError(putProvision(undefined, { target: -1 }));
    expect(negative).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(negative.data.Message).toBe('target: target is a whole number of 0 or more.');
    expect(await sdkError(kit.client.getProvisionConfig('nope', new $FC.GetProvisionConfigRequest({})))).toMatchObject({
      code: 'FunctionNotFound',
    });
  });

  it('lists configs across functions a page at a time; they go with their function', async () => {
    await createFunction(kit.client, 'other');
    await putProvision(undefined, { target: 1 });
    await putProvision('prod', { target: 2 });
    await putProvision(undefined, { target: 3 }, 'other');
    const first = await kit.client.listProvisionConfigs(new $FC.ListProvisionConfigsRequest({ limit: 2 }));
    expect(first.body?.provisionConfigs?.map((c) => c.functionArn)).toEqual([arn('fn'), `${arn('fn')}/prod`]);
    const second = await kit.client.listProvisionConfigs(
      new $FC.ListProvisionConfigsRequest({ limit: 2, nextToken: first.body?.nextToken }),
    );
    expect(second.body?.provisionConfigs?.map((c) => c.target)).toEqual([3]);
    expect(second.body?.nextToken).toBeUndefined();
    const own = await kit.client.listProvisionConfigs(new $FC.ListProvisionConfigsRequest({ functionName: 'other' }));
    expect(own.body?.provisionConfigs).toHaveLength(1);

    await kit.client.deleteAlias('fn', 'prod');
    await kit.client.deleteFunction('fn');
    const left = await kit.client.listProvisionConfigs(new $FC.ListProvisionConfigsRequest({}));
    expect(left.body?.provisionConfigs?.map((c) => c.functionArn)).toEqual([arn('other')]);
  });
});

describe('scaling configs through the official SDK', () => {
  it('stores, replaces, deletes and lists a scaling config, with no resident instances started', async () => {
    const policy = new $FC.ScalingPolicy({
      name: 'p',
      metricType: 'CPUUtilization',
      metricTarget: 0.5,
      minInstances: 1,
      maxInstances: 4,
    });
    const scheduled = new $FC.ScheduledPolicy({ name: 's', scheduleExpression: 'cron(0 0 8 * * *)', target: 2 });
    const put = await putScaling('1', {
      minInstances: 2,
      horizontalScalingPolicies: [policy],
      scheduledPolicies: [scheduled],
    });
    expect(put.body).toBeInstanceOf($FC.ScalingConfigStatus);
    const expected = {
      functionArn: `${arn('fn')}/1`,
      minInstances: 2,
      horizontalScalingPolicies: [policy.toMap()],
      scheduledPolicies: [scheduled.toMap()],
      targetInstances: 2,
      currentInstances: 0,
      currentError: NOT_RUN_LOCALLY,
    };
    expect(put.body?.toMap()).toEqual(expected);
    expect(
      (await kit.client.getScalingConfig('fn', new $FC.GetScalingConfigRequest({ qualifier: '1' }))).body?.toMap(),
    ).toEqual(expected);

    const list = await kit.client.listScalingConfigs(new $FC.ListScalingConfigsRequest({ functionName: 'fn' }));
    expect(list.body?.scalingConfigs?.map((c) => c.functionArn)).toEqual([`${arn('fn')}/1`]);

    expect(
      (await kit.client.deleteScalingConfig('fn', new $FC.DeleteScalingConfigRequest({ qualifier: '1' }))).statusCode,
    ).toBe(204);
    const none = await kit.client.getScalingConfig('fn', new $FC.GetScalingConfigRequest({ qualifier: '1' }));
    expect(none.body?.toMap()).toEqual({ targetInstances: 0, currentInstances: 0 });
  });

  it('refuses a fractional minInstances and an invalid qualifier', async () => {
    const fractional = await sdkError(putScaling(undefined, { minInstances: 0.5 }));
    expect(fractional).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(fractional.data.Message).toBe('minInstances: minInstances is a whole number of 0 or more.');
    const badQualifier = await sdkError(putScaling('-bad', { minInstances: 1 }));
    expect(badQualifier).toMatchObject({ statusCode: 400, code: 'InvalidArgument' });
    expect(badQualifier.data.Message).toMatch(/^qualifier: /);
  });
});

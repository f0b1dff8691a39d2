import { afterEach, expect, it } from 'vitest';
import { instancesAcross, serveInstances } from '../gateways/instances-across';
import { channelPair } from '../gateways/testing/channel-pair';
import type { InstanceInfo } from '../runtime/instance-pool';
import type { RunningEngine } from '../server';
import { instancesRoutes } from './instances-routes';
import { $FC, createFunction, sdkClient, startTestEngine, stopTestEngine } from './testing/engine-kit';

// ListInstances over the SDK when instances run in more than one gateway process: the primary's own
// list and each gateway process's, as the channel carries them (the pools here are lists).
let engine: RunningEngine | undefined;
afterEach(async () => {
  if (engine) await stopTestEngine(engine);
  engine = undefined;
});

const instance = (instanceId: string, qualifier: string, retiring = false): InstanceInfo => ({
  instanceId,
  startedTimeMs: 1_700_000_000_000,
  functionName: 'fn',
  qualifier,
  revision: 'r',
  pid: undefined,
  inFlight: 0,
  retiring,
});

async function engineWithGateway(primaryList: InstanceInfo[], gatewayList: InstanceInfo[]) {
  const pair = channelPair();
  serveInstances(pair[1], { instances: () => gatewayList });
  engine = await startTestEngine({
    openApiExtensions: [instancesRoutes(instancesAcross({ instances: () => primaryList }, [pair[0]]))],
  });
  const client = sdkClient(engine);
  await createFunction(client, 'fn');
  const list = async (request: ConstructorParameters<typeof $FC.ListInstancesRequest>[0] = {}) =>
    (await client.listInstances('fn', new $FC.ListInstancesRequest(request))).body?.instances?.map(
      (i) => `${i.instanceId} ${i.qualifier} ${i.status}`,
    );
  return { list, pair };
}

it("lists the primary's and the gateway process's instances, and filters both alike", async () => {
  const { list } = await engineWithGateway(
    [instance('c-primary', 'LATEST'), instance('c-primary-1', '1')],
    [instance('c-gateway', 'LATEST', true), instance('c-gateway-1', '1')],
  );
  expect(await list()).toEqual([
    'c-primary LATEST Running',
    'c-primary-1 1 Running',
    'c-gateway LATEST Stopping',
    'c-gateway-1 1 Running',
  ]);
  expect(await list({ qualifier: '1' })).toEqual(['c-primary-1 1 Running', 'c-gateway-1 1 Running']);
  expect(await list({ instanceStatus: ['Stopping'] })).toEqual(['c-gateway LATEST Stopping']);
  expect(await list({ instanceIds: ['c-gateway-1'] })).toEqual(['c-gateway-1 1 Running']);
  expect(await list({ limit: 3 })).toHaveLength(3);
});

it('leaves out a gateway process that is gone: its instances died with it', async () => {
  const { list, pair } = await engineWithGateway([instance('c-primary', 'LATEST')], [instance('c-gateway', 'LATEST')]);
  expect(await list()).toHaveLength(2);
  pair.disconnect();
  expect(await list()).toEqual(['c-primary LATEST Running']);
});

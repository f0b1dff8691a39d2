import { afterEach, expect, it, vi } from 'vitest';
import type { InstanceInfo } from '../runtime/instance-pool';
import { FOLLOW_INSTANCES, INSTANCES_ANSWER_MS, instancesAcross, serveInstances } from './instances-across';
import { channelPair } from './testing/channel-pair';

const instance = (instanceId: string, functionName = 'fn'): InstanceInfo => ({
  instanceId,
  startedTimeMs: 1_700_000_000_000,
  functionName,
  qualifier: 'LATEST',
  revision: 'r1',
  pid: 4242,
  inFlight: 1,
  retiring: false,
});

const poolOf = (list: InstanceInfo[]) => ({ instances: () => list });

afterEach(() => {
  vi.useRealTimers();
});

it("lists the primary's instances and every gateway process's, as each process reports them", async () => {
  const [toFirst, first] = channelPair();
  const [toSecond, second] = channelPair();
  serveInstances(first, poolOf([instance('c-first', 'other')]));
  const secondList = [instance('c-second')];
  serveInstances(second, poolOf(secondList));
  const across = instancesAcross(poolOf([instance('c-primary')]), [toFirst, toSecond]);

  expect(await across.instances()).toEqual([instance('c-primary'), instance('c-first', 'other'), instance('c-second')]);
  secondList.push(instance('c-second-2'));
  expect((await across.instances()).map((i) => i.instanceId)).toEqual([
    'c-primary',
    'c-first',
    'c-second',
    'c-second-2',
  ]);
});

it('leaves out a gateway process that is gone, and takes the live set each time', async () => {
  const gone = channelPair();
  const [toLive, live] = channelPair();
  serveInstances(gone[1], poolOf([instance('c-gone')]));
  serveInstances(live, poolOf([instance('c-live')]));
  const channels = [gone[0]];
  const across = instancesAcross(poolOf([]), () => channels);

  expect((await across.instances()).map((i) => i.instanceId)).toEqual(['c-gone']);
  gone.disconnect();
  channels.push(toLive);
  expect((await across.instances()).map((i) => i.instanceId)).toEqual(['c-live']);
});

it('does not wait past its bound for a gateway process that never answers', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const [toStuck, stuck] = channelPair();
  stuck.handle(FOLLOW_INSTANCES, () => new Promise(() => {}));
  const listing = instancesAcross(poolOf([instance('c-primary')]), [toStuck]).instances();
  await vi.advanceTimersByTimeAsync(INSTANCES_ANSWER_MS);
  expect((await listing).map((i) => i.instanceId)).toEqual(['c-primary']);
});

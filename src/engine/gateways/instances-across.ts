import type { InstanceInfo } from '../runtime/instance-pool';
import type { GatewayChannel } from './gateway-channel';

/** The request a primary sends each gateway process for its pool's instances. */
export const FOLLOW_INSTANCES = 'follow.instances';

/** A gateway process that does not answer within this is left out of the list rather than hang ListInstances. */
export const INSTANCES_ANSWER_MS = 2_000;

/** What ListInstances lists: the instance pool itself, or the instances of every gateway process. */
export type InstanceSource = { instances(): InstanceInfo[] | Promise<InstanceInfo[]> };

/** The gateway process's side: answer the primary with this process's instances. */
export function serveInstances(channel: GatewayChannel, pool: InstanceSource): void {
  channel.handle(FOLLOW_INSTANCES, () => pool.instances());
}

/**
 * The primary's instances and every gateway process's (decision 021's second gateway: each process
 * runs its own instances). Instance ids are random, so the lists merge without clashes. A process
 * that is gone, or does not answer in time, adds nothing: its instances died with it or are unknown.
 * `channels` may be a function: the set of live gateway processes changes when one dies.
 */
export function instancesAcross(
  pool: InstanceSource,
  channels: readonly GatewayChannel[] | (() => readonly GatewayChannel[]),
): InstanceSource {
  return {
    async instances() {
      const others = (typeof channels === 'function' ? channels() : channels).filter((channel) => !channel.closed);
      const lists = await Promise.all([pool.instances(), ...others.map(instancesOf)]);
      return lists.flat();
    },
  };
}

function instancesOf(channel: GatewayChannel): Promise<InstanceInfo[]> {
  return channel.requestWithin<InstanceInfo[]>(FOLLOW_INSTANCES, undefined, INSTANCES_ANSWER_MS, []);
}

import { z } from 'zod';
import { functionNameSchema } from '../../contract/names';
import type { InstancePool } from '../runtime/instance-pool';
import type { InstanceCap } from '../runtime/types';
import type { GatewayChannel } from './gateway-channel';

/**
 * FC's per-function limits (maxInstancesPerFunction, reserved concurrency) hold across the engine's
 * gateway processes: the primary counts every process's instance slots. A process asks for room only
 * to start an instance (a warm request never asks); at the cap the owner first has an idle instance
 * given up, its own pool's and then the other processes', so an idle instance elsewhere never causes a 429.
 */
export const CAP_MESSAGES = {
  /** gateway → primary: room for one more instance? Answers a boolean. */
  reserve: 'cap.reserve',
  /** gateway → primary (notice): one of its instance slots was removed. */
  release: 'cap.release',
  /** primary → gateway: stop one idle instance of the function; answers whether it did. */
  releaseIdle: 'cap.releaseIdle',
} as const;

const namedSchema = z.object({ functionName: functionNameSchema });
const reserveSchema = namedSchema.extend({ cap: z.number().int().nonnegative() });

/** What the owner asks of a pool when a function is at its cap. */
export type IdleReleaser = Pick<InstancePool, 'releaseIdle'>;

export type CapOwner = {
  /** The cap for the primary's own pool: synchronous while the function has room. */
  readonly cap: InstanceCap;
  /** Serves a gateway process's `cap.*` requests; answers its {@link CapOwner.gatewayGone}. */
  addGateway(channel: GatewayChannel): () => void;
  /** The gateway exited: what it held is freed, and it is asked nothing more. */
  gatewayGone(channel: GatewayChannel): void;
  /** The instance slots counted for the function in every process. */
  count(functionName: string): number;
};

type Holder = GatewayChannel | 'primary';

const setCount = (counts: Map<string, number>, key: string, n: number) =>
  n > 0 ? counts.set(key, n) : counts.delete(key);

/** The owner side, in the primary. `pool` is read when first needed: the pool is built with `owner.cap`. */
export function createCapOwner(options: { pool?: () => IdleReleaser | undefined } = {}): CapOwner {
  const totals = new Map<string, number>();
  const held = new Map<Holder, Map<string, number>>([['primary', new Map()]]);
  const gateways = new Set<GatewayChannel>();

  const count = (functionName: string) => totals.get(functionName) ?? 0;
  const add = (holder: Holder, functionName: string, delta: number) => {
    const own = held.get(holder);
    if (!own) return; // a gateway already gone
    const before = own.get(functionName) ?? 0;
    const after = Math.max(0, before + delta);
    setCount(own, functionName, after);
    setCount(totals, functionName, count(functionName) + after - before);
  };

  /** Room now, after the primary's own idle instances are given up if need be; counted when granted. */
  function takeNow(holder: Holder, functionName: string, cap: number): boolean {
    const pool = options.pool?.();
    while (count(functionName) >= cap && cap > 0 && pool?.releaseIdle(functionName));
    if (count(functionName) >= cap) return false;
    add(holder, functionName, 1);
    return true;
  }

  async function takeAcross(holder: Holder, functionName: string, cap: number): Promise<boolean> {
    for (const gateway of [...gateways]) {
      let released = true;
      while (released && count(functionName) >= cap) {
        released = await gateway
          .request<boolean>(CAP_MESSAGES.releaseIdle, { functionName })
          .then((answer) => answer === true && gateways.has(gateway))
          .catch(() => {
            if (gateway.closed) gatewayGone(gateway); // it exited before it was reported gone
            return false;
          });
      }
      if (!held.has(holder)) return false; // the asking gateway is gone meanwhile
      if (takeNow(holder, functionName, cap)) return true;
    }
    return false;
  }

  function reserve(holder: Holder, functionName: string, cap: number): boolean | Promise<boolean> {
    if (takeNow(holder, functionName, cap)) return true;
    if (cap === 0 || gateways.size === 0) return false;
    return takeAcross(holder, functionName, cap);
  }

  function gatewayGone(channel: GatewayChannel): void {
    const own = held.get(channel);
    if (own) for (const [functionName, n] of own) add(channel, functionName, -n);
    held.delete(channel);
    gateways.delete(channel);
  }

  return {
    cap: {
      reserve: (functionName, cap) => reserve('primary', functionName, cap),
      release: (functionName) => add('primary', functionName, -1),
    },
    addGateway(channel) {
      gateways.add(channel);
      held.set(channel, new Map());
      channel.handle(CAP_MESSAGES.reserve, (payload) => {
        const { functionName, cap } = reserveSchema.parse(payload);
        return reserve(channel, functionName, cap);
      });
      channel.handle(CAP_MESSAGES.release, (payload) => {
        const parsed = namedSchema.safeParse(payload);
        if (parsed.success) add(channel, parsed.data.functionName, -1);
      });
      return () => gatewayGone(channel);
    },
    gatewayGone,
    count,
  };
}

/** The cap in a gateway process: the primary counts. An owner that cannot answer (gone) grants nothing. */
export function capClient(channel: GatewayChannel): InstanceCap {
  return {
    reserve: (functionName, cap) =>
      channel.request<boolean>(CAP_MESSAGES.reserve, { functionName, cap }).then(
        (granted) => granted === true,
        () => false,
      ),
    release: (functionName) => channel.notify(CAP_MESSAGES.release, { functionName }),
  };
}

/**
 * Answers the owner's `cap.releaseIdle` with the gateway process's pool. The slot's release notice is
 * sent before this answer, so the owner has counted it when the answer arrives.
 */
export function serveCapReleases(channel: GatewayChannel, pool: IdleReleaser): void {
  channel.handle(CAP_MESSAGES.releaseIdle, (payload) => pool.releaseIdle(namedSchema.parse(payload).functionName));
}

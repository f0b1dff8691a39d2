import type { Db } from '../store/database';
import { bumpGeneration } from '../store/read-cache';
import type { GatewayChannel } from './gateway-channel';

export const CONFIG_CHANGED = 'follow.configChanged';

/** How long an OpenAPI answer waits for a gateway process that does not say it forgot (it is stuck or dying). */
export const CONFIG_CHANGED_WAIT_MS = 2000;

/**
 * A gateway process: what the primary says changed is forgotten from the read caches of its follower
 * store, then `changed` runs (its pool retires the instances of revisions no longer current).
 */
export function followConfigChanges(channel: GatewayChannel, db: Db, changed: () => void = () => {}): void {
  channel.handle(CONFIG_CHANGED, () => {
    bumpGeneration(db);
    changed();
    return true;
  });
}

/**
 * The primary, after an OpenAPI call that wrote config (functions, triggers, versions, aliases,
 * custom domains, concurrency): every gateway process is told, and the call is answered once each
 * said it forgot its cached config, so the client's very next request sees the change in whichever
 * process serves it. A process that is gone is skipped; one that does not answer is waited on for
 * {@link CONFIG_CHANGED_WAIT_MS} at most.
 */
export async function tellConfigChanged(channels: readonly GatewayChannel[]): Promise<void> {
  await Promise.all(
    channels.map((channel) => channel.requestWithin(CONFIG_CHANGED, undefined, CONFIG_CHANGED_WAIT_MS, false)),
  );
}

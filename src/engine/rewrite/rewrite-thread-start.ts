import type { Worker } from 'node:worker_threads';
import { startEngineThread } from '../start-thread';

/** A new rewrite thread; it posts `{ ready: true }` once it can take paths. */
export function startRewriteThread(): Worker {
  return startEngineThread(new URL('./rewrite-thread', import.meta.url), 'rewrite');
}

import { createRelaySources, type RelaySources } from '../gateways/relay-sources';
import type { InstancePool } from '../runtime/instance-pool';
import type { InvokeResult } from '../runtime/types';
import { LOG_TRUNCATED, MAX_LOG_CHARS } from '../runtime/invocation-log';

const MAX_ENTRIES = 500;
const TRUNCATED = `\n${LOG_TRUNCATED}\n`;

export type StoredInvocationLog = { requestId: string; functionName: string; logs: string; truncated: boolean };

export type InvocationLogs = {
  record(functionName: string, requestId: string, logs: string): void;
  get(functionName: string, requestId: string): StoredInvocationLog | undefined;
};

/** The primary's logs: those of its own invocations and those relayed from its gateway processes. */
export type KeptInvocationLogs = InvocationLogs & {
  /** The gateway processes a reader waits for first (gateways/relay.ts adds them). */
  readonly relayed: RelaySources;
};

/**
 * The complete logs of the last invocations, in memory. This is the local engine's stand-in for
 * Simple Log Service, where the real service keeps them: x-fc-log-result only carries the last
 * 4 KB. An async task's attempts share its request id, so a retry's log is appended to the first.
 */
export function createInvocationLogs(maxEntries = MAX_ENTRIES, maxBytes = MAX_LOG_CHARS): KeptInvocationLogs {
  const entries = new Map<string, StoredInvocationLog>();
  return {
    relayed: createRelaySources(),
    record(functionName, requestId, logs) {
      const previous = entries.get(requestId);
      entries.delete(requestId); // re-inserted: the newest entry is the last one
      const entry = previous ?? { requestId, functionName, logs: '', truncated: false };
      if (!entry.truncated) {
        const joined = entry.logs + logs;
        const tooLong = Buffer.byteLength(joined) > maxBytes;
        entry.logs = tooLong ? Buffer.from(joined).subarray(0, maxBytes).toString('utf8') + TRUNCATED : joined;
        entry.truncated = tooLong;
      }
      entries.set(requestId, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },
    get(functionName, requestId) {
      const entry = entries.get(requestId);
      return entry?.functionName === functionName ? entry : undefined;
    },
  };
}

/** The pool, with every invocation's log kept under its request id. */
export function withInvocationLogs(pool: InstancePool, logs: InvocationLogs): InstancePool {
  const keep = (functionName: string, requestId: string) => (result: InvokeResult) => {
    if (result.logs) logs.record(functionName, requestId, result.logs);
    return result;
  };
  return {
    ...pool,
    invokeHttp: (spec, req, signal) => pool.invokeHttp(spec, req, signal).then(keep(spec.functionName, req.requestId)),
    invokeEvent: (spec, payload, requestId, signal) =>
      pool.invokeEvent(spec, payload, requestId, signal).then(keep(spec.functionName, requestId)),
  };
}

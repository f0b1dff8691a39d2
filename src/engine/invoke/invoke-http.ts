import type { InstancePool } from '../runtime/instance-pool';
import type { HttpInvokeRequest, InvokeResult } from '../runtime/types';
import type { EngineStore } from '../store/engine-store';
import { LATEST } from '../../contract/names';
import { hostnameOf } from '../../contract/trigger-url';
import { resolveRunnable, type RunnableFunction } from './resolve-function';
import type { HangUpSignal } from '../runtime/hang-up';

export type InvocationDeps = { store: EngineStore; pool: InstancePool };

export type HttpInvocation = {
  functionName: string;
  /** The trigger's qualifier: LATEST, a version or an alias (weights picked per request). */
  qualifier: string;
  request: HttpInvokeRequest;
  signal?: HangUpSignal;
  /** Resolved by the caller already (the gateway reads a web function's body differently). */
  runnable?: RunnableFunction;
};

/**
 * The gateway's invocation path, shared by a trigger's synchronous requests and its queued
 * asynchronous ones: resolve what the qualifier runs now, and hand the request to an instance.
 * Undefined when the function (or the trigger's version or alias) no longer exists.
 */
export async function invokeHttpFunction(
  deps: InvocationDeps,
  invocation: HttpInvocation,
): Promise<InvokeResult | undefined> {
  const runnable = invocation.runnable ?? resolveRunnable(deps.store, invocation.functionName, invocation.qualifier);
  if (!runnable) return undefined;
  return deps.pool.invokeHttp(runnable.spec, invocation.request, invocation.signal);
}

/** The event's requestContext for a request: the trigger, the Host called (port stripped) and the client's address. */
export function requestContextOf(
  accountId: string,
  triggerId: string | undefined,
  host: string | undefined,
  sourceIp: string,
  time: Date,
) {
  return { accountId, ...(triggerId ? { triggerId } : {}), domainName: hostnameOf(host), sourceIp, time };
}

/**
 * What FC says about the code that answered, on InvokeFunction and on trigger responses alike: its
 * checksum and the version that served (LATEST, or the one the version or alias resolved to).
 */
export function servedByHeaders(runnable: RunnableFunction): Record<string, string> {
  return {
    'x-fc-code-checksum': runnable.fn.codeChecksum,
    'x-fc-invocation-service-version': runnable.fn.versionId ?? LATEST,
  };
}

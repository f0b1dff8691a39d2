import { createHash } from 'node:crypto';
import type { FunctionSpec } from '../runtime/types';
import type { EngineStore } from '../store/engine-store';
import type { ResolvedFunction } from '../store/qualifier';

/**
 * Which version serves a request to a weighted alias: each additional version takes its weight's
 * share, the alias's own version the rest. Undefined: the alias's own version.
 */
export function pickAdditionalVersion(
  resolved: ResolvedFunction,
  random: () => number = Math.random,
): string | undefined {
  const weights = resolved.additionalVersionWeight;
  if (!weights) return undefined;
  let r = random();
  for (const [versionId, weight] of Object.entries(weights)) {
    if (r < weight) return versionId;
    r -= weight;
  }
  return undefined;
}

/** Changes with anything that changes what runs: code or config. */
function revisionOf(fn: ResolvedFunction): string {
  const {
    runtime,
    handler,
    timeout,
    memorySize,
    instanceConcurrency,
    environmentVariables,
    customRuntimeConfig,
    instanceLifecycleConfig,
    codeChecksum,
  } = fn;
  // The log project is named to a custom runtime's server in every request (fc-request-headers.ts).
  const { project, logstore } = fn.cloudSettings?.logConfig ?? {};
  const what = {
    runtime,
    handler,
    timeout,
    memorySize,
    instanceConcurrency,
    environmentVariables,
    customRuntimeConfig,
    instanceLifecycleConfig,
    codeChecksum,
    ...(project || logstore ? { logConfig: { project, logstore } } : {}),
  };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

export function functionSpecOf(store: EngineStore, fn: ResolvedFunction, qualifier: string): FunctionSpec {
  const { project, logstore } = fn.cloudSettings?.logConfig ?? {};
  return {
    functionName: fn.functionName,
    qualifier,
    ...(fn.versionId ? { versionId: fn.versionId } : {}),
    revision: revisionOf(fn),
    runtime: fn.runtime,
    handler: fn.handler,
    codeZipPath: store.codePath(fn.codeChecksum),
    timeoutSeconds: fn.timeout,
    instanceConcurrency: fn.instanceConcurrency,
    memorySize: fn.memorySize,
    environmentVariables: fn.environmentVariables,
    ...(fn.customRuntimeConfig ? { customRuntimeConfig: fn.customRuntimeConfig } : {}),
    ...(fn.instanceLifecycleConfig?.initializer?.handler
      ? {
          initializer: fn.instanceLifecycleConfig.initializer.handler,
          initializerTimeoutSeconds: fn.instanceLifecycleConfig.initializer.timeout ?? fn.timeout,
        }
      : {}),
    ...(fn.instanceLifecycleConfig?.preStop?.handler
      ? {
          preStop: fn.instanceLifecycleConfig.preStop.handler,
          preStopTimeoutSeconds: fn.instanceLifecycleConfig.preStop.timeout ?? fn.timeout,
        }
      : {}),
    ...(fn.reservedConcurrency === undefined ? {} : { maxInstances: fn.reservedConcurrency }),
    ...(project || logstore ? { logConfig: { project, logstore } } : {}),
  };
}

export type RunnableFunction = { fn: ResolvedFunction; spec: FunctionSpec };

/**
 * The store hands out the same ResolvedFunction until its config changes (store/read-cache.ts),
 * so the spec and its revision hash are computed once per config rather than per request.
 */
const specs = new WeakMap<ResolvedFunction, FunctionSpec>();

function cachedSpecOf(store: EngineStore, fn: ResolvedFunction, qualifier: string): FunctionSpec {
  const cached = specs.get(fn);
  if (cached && cached.qualifier === qualifier) return cached;
  const spec = Object.freeze(functionSpecOf(store, fn, qualifier));
  specs.set(fn, spec);
  return spec;
}

/**
 * The function a qualifier runs now, as the instance pool takes it; undefined when the function,
 * version or alias is gone. A weighted alias's additional version runs under its version id as
 * qualifier: the pool keeps one revision per qualifier, and the alias's two versions must not
 * retire each other's instances.
 */
export function resolveRunnable(
  store: EngineStore,
  functionName: string,
  qualifier: string,
  random?: () => number,
): RunnableFunction | undefined {
  const resolved = store.resolveQualifier(functionName, qualifier);
  if (!resolved) return undefined;
  const picked = pickAdditionalVersion(resolved, random);
  const other = picked === undefined ? undefined : store.resolveQualifier(functionName, picked);
  if (other) return { fn: other, spec: cachedSpecOf(store, other, picked as string) };
  return { fn: resolved, spec: cachedSpecOf(store, resolved, qualifier) };
}

/**
 * Whether an instance still runs what its qualifier runs now: false once its function, version or
 * alias is gone or its revision changed. Asked after a config write, to retire stale instances at once.
 */
export function isCurrentIn(store: EngineStore): (spec: FunctionSpec) => boolean {
  return (spec) => {
    const fn = store.resolveQualifier(spec.functionName, spec.qualifier);
    return fn !== undefined && cachedSpecOf(store, fn, spec.qualifier).revision === spec.revision;
  };
}

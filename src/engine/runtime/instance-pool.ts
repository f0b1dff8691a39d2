import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { isCustomRuntime, runsLocally } from '../../contract/function';
import { buildChildEnv } from './child-env';
import { ensureCodeDir } from './code-cache';
import { NodeInstance } from './node-instance';
import { isPythonRuntime } from './python-instance';
import { failure, pythonRunnerOn, throttled, type Started } from './pool-answers';
import { defaultSandbox } from './sandbox/detect';
import { createInstanceRegistry } from './sandbox/instance-registry';
import type { FunctionSpec, HttpInvokeRequest, Instance, InstanceCap, InvokeResult, PoolOptions } from './types';
import { WebInstance } from './web-instance';
import { LOCAL_DEFAULTS } from '../../contract/local-defaults';
import type { HangUpSignal } from './hang-up';
import { answerUnlessHungUp, clientClosed } from './hang-up-answer';
import { lingeringInstances } from './lingering-instances';

type Slot = {
  spec: FunctionSpec;
  /** FC_INSTANCE_ID, which the function sees (its pid is its namespace's own); ListInstances names it. */
  instanceId: string;
  startedTimeMs: number;
  capacity: number;
  inFlight: number;
  retiring: boolean;
  instance?: Instance;
  /** The instance once it is ready: a warm request takes it without awaiting `starting` again. */
  ready?: Instance;
  starting: Promise<Started>;
  idleTimer?: NodeJS.Timeout;
};

export { LINGERING_PER_FUNCTION_MAX } from './lingering-instances';

export type InstanceInfo = {
  instanceId: string;
  startedTimeMs: number;
  functionName: string;
  qualifier: string;
  revision: string;
  /** The engine's view of the instance's process (bubblewrap's, when sandboxed). */
  pid: number | undefined;
  inFlight: number;
  retiring: boolean;
};

export type InstancePool = {
  invokeHttp(spec: FunctionSpec, req: HttpInvokeRequest, signal?: HangUpSignal): Promise<InvokeResult>;
  /** InvokeFunction: the payload is the event; the body is what the handler returned. */
  invokeEvent(spec: FunctionSpec, payload: Buffer, requestId: string, signal?: HangUpSignal): Promise<InvokeResult>;
  /** The live instances, for the console and for tests. */
  instances(): InstanceInfo[];
  /** Stops one idle instance of the function (not one being retired), if it has one: the cap's owner asks for room. */
  releaseIdle(functionName: string): boolean;
  /** Config changed: retires every instance whose revision is no longer its qualifier's current one, as `acquire` does. */
  retireStale(isCurrent: (spec: FunctionSpec) => boolean): void;
  /** Kills every instance; invocations after this fail with InternalError. */
  close(): Promise<void>;
};

/**
 * Instances per (function, qualifier, revision). A warm instance with room takes the request;
 * otherwise a new one starts, up to `maxInstancesPerFunction` across all revisions, beyond which
 * the request is throttled at once. A new revision retires the old instances: they finish what
 * they run and exit. An aborted request keeps running in the background and its instance is kept,
 * as FC does for a client that hangs up (499).
 */
export function createInstancePool(options: PoolOptions): InstancePool {
  const { workDir, maxInstancesPerFunction = 10, idleMs = 5 * 60_000, startupTimeoutMs = 10_000 } = options;
  const account = { accountId: options.accountId ?? '', region: options.region ?? LOCAL_DEFAULTS.region };
  const sandboxing = options.sandbox ? Promise.resolve(options.sandbox) : defaultSandbox();
  const registry = createInstanceRegistry(path.join(workDir, 'instances'));
  const byFunction = new Map<string, Slot[]>();
  const lingering = lingeringInstances();
  // One process: the pool's own slots are the count, asked synchronously as they always were.
  const cap: InstanceCap = options.cap ?? {
    reserve: (functionName, max) => (byFunction.get(functionName)?.length ?? 0) < max,
    release: () => {},
  };
  let closed = false;
  // A function's reserved concurrency (PutConcurrencyConfig) lowers the pool's cap; 0 disables it.
  const instanceCap = (spec: FunctionSpec) => Math.min(maxInstancesPerFunction, spec.maxInstances ?? Infinity);

  const killAll = () => {
    for (const slots of byFunction.values()) for (const slot of slots) slot.instance?.kill();
    lingering.killAll();
  };
  // Instances run in process groups of their own: outside a sandbox they outlive the engine unless killed.
  process.on('exit', killAll);

  function remove(slot: Slot): void {
    clearTimeout(slot.idleTimer);
    const slots = byFunction.get(slot.spec.functionName) ?? [];
    const index = slots.indexOf(slot);
    if (index < 0) return;
    slots.splice(index, 1);
    if (slots.length === 0) byFunction.delete(slot.spec.functionName);
    cap.release(slot.spec.functionName);
  }

  function stop(slot: Slot): void {
    remove(slot);
    const name = slot.spec.functionName;
    if (slot.instance) lingering.reclaim(slot.instance, name);
    else void slot.starting.then((started) => 'error' in started || lingering.reclaim(started, name));
  }

  function retire(slot: Slot): void {
    slot.retiring = true;
    if (slot.inFlight === 0) stop(slot);
  }

  function retireWhere(slots: Slot[], stale: (spec: FunctionSpec) => boolean): void {
    for (const slot of [...slots]) if (!slot.retiring && stale(slot.spec)) retire(slot);
  }

  function start(slot: Slot): Promise<Started> {
    const { spec } = slot;
    return (async () => {
      try {
        const codeDir = await ensureCodeDir(path.join(workDir, 'code'), spec.codeZipPath);
        const sandbox = await sandboxing;
        const env = buildChildEnv(spec, slot.instanceId, account, { isolated: sandbox.status.isolated });
        const runner = isPythonRuntime(spec.runtime) ? await pythonRunnerOn(sandbox) : undefined;
        if (runner && 'error' in runner) {
          remove(slot);
          return runner;
        }
        const instance = isCustomRuntime(spec.runtime)
          ? new WebInstance({ spec, codeDir, env, account, startupTimeoutMs, sandbox, registry })
          : new NodeInstance({ spec, codeDir, env, account, sandbox, registry, runner });
        slot.instance = instance;
        instance.onExit(() => remove(slot));
        if (closed) instance.kill();
        const failure = await instance.ready();
        if (!failure) return (slot.ready = instance);
        remove(slot);
        return failure;
      } catch (error) {
        remove(slot);
        const message = `The instance could not start: ${error instanceof Error ? error.message : String(error)}`;
        return { error: 'InstanceStartFailed', message, logs: `${message}\n` };
      }
    })();
  }

  /** A warm slot in this turn, else a new one once the cap grants room (undefined: throttled). */
  function acquire(spec: FunctionSpec): Slot | undefined | Promise<Slot | undefined> {
    const slots = byFunction.get(spec.functionName) ?? [];
    retireWhere(slots, (old) => old.qualifier === spec.qualifier && old.revision !== spec.revision);
    const warm = slots.find(
      (slot) =>
        !slot.retiring &&
        (slot.instance?.alive ?? true) &&
        slot.spec.qualifier === spec.qualifier &&
        slot.spec.revision === spec.revision &&
        slot.inFlight < slot.capacity,
    );
    if (warm) {
      warm.inFlight++;
      clearTimeout(warm.idleTimer);
      return warm;
    }
    const granted = cap.reserve(spec.functionName, instanceCap(spec));
    if (typeof granted === 'boolean') return granted ? open(spec) : undefined;
    return granted.then((room) => {
      if (room && !closed) return open(spec);
      if (room) cap.release(spec.functionName);
      return undefined;
    });
  }

  function open(spec: FunctionSpec): Slot {
    const slots = byFunction.get(spec.functionName) ?? [];
    // Node.js event functions serve one request per instance, as FC runs event functions.
    const capacity = isCustomRuntime(spec.runtime) ? Math.max(1, spec.instanceConcurrency) : 1;
    const instanceId = `c-${randomBytes(8).toString('hex')}`;
    const slot = { spec, instanceId, startedTimeMs: Date.now(), capacity, inFlight: 1, retiring: false } as Slot;
    slots.push(slot);
    byFunction.set(spec.functionName, slots);
    slot.starting = start(slot);
    return slot;
  }

  function release(slot: Slot, result: InvokeResult): void {
    slot.inFlight--;
    if ('error' in result && result.error === 'FunctionTimeout') slot.retiring = true;
    if (slot.inFlight > 0) return;
    if (slot.retiring || !slot.instance?.alive) return stop(slot);
    slot.idleTimer = setTimeout(() => slot.inFlight === 0 && stop(slot), idleMs);
    slot.idleTimer.unref();
  }

  function invoke(
    spec: FunctionSpec,
    signal: HangUpSignal | undefined,
    call: (instance: Instance) => Promise<InvokeResult>,
  ): Promise<InvokeResult> {
    if (closed) return Promise.resolve(failure('InternalError', 'The instance pool is closed'));
    if (!runsLocally(spec.runtime))
      return Promise.resolve(
        failure(
          'RuntimeNotSupportedLocally',
          `The runtime ${spec.runtime} runs in the cloud only; use a custom runtime to run it here.`,
        ),
      );
    if (signal?.aborted) return Promise.resolve(clientClosed());
    const acquired = acquire(spec);
    if (acquired instanceof Promise) return acquired.then((slot) => serve(spec, slot, signal, call));
    return serve(spec, acquired, signal, call);
  }

  function serve(
    spec: FunctionSpec,
    slot: Slot | undefined,
    signal: HangUpSignal | undefined,
    call: (instance: Instance) => Promise<InvokeResult>,
  ): Promise<InvokeResult> {
    if (!slot)
      return Promise.resolve(
        closed ? failure('InternalError', 'The instance pool is closed') : throttled(spec, instanceCap(spec)),
      );
    // A warm instance is called in this turn: awaiting its settled start would cost turns per request.
    if (slot.ready) return runOn(slot, slot.ready, signal, call);
    return slot.starting.then((started) => {
      if (!('error' in started)) return runOn(slot, started, signal, call);
      slot.inFlight--;
      return started;
    });
  }

  function runOn(
    slot: Slot,
    instance: Instance,
    signal: HangUpSignal | undefined,
    call: (instance: Instance) => Promise<InvokeResult>,
  ): Promise<InvokeResult> {
    let called: Promise<InvokeResult>;
    try {
      called = call(instance);
    } catch (error) {
      called = Promise.reject(error); // answered as the instance's own failure, and the slot released
    }
    if (!signal)
      return called.then(
        (result) => settled(slot, result),
        (error) => crashed(slot, error),
      );
    return answerUnlessHungUp(
      called,
      signal,
      (result) => settled(slot, result),
      (error) => crashed(slot, error),
    );
  }

  function settled(slot: Slot, result: InvokeResult): InvokeResult {
    release(slot, result);
    return { ...result, instanceId: slot.instanceId };
  }

  function crashed(slot: Slot, error: unknown): InvokeResult {
    const result = failure('InternalError', error instanceof Error ? error.message : String(error));
    release(slot, result);
    return result;
  }

  return {
    invokeHttp: (spec, req, signal) => invoke(spec, signal, (instance) => instance.invokeHttp(req, signal)),
    invokeEvent: (spec, payload, requestId, signal) =>
      invoke(spec, signal, (instance) => instance.invokeEvent(payload, requestId, signal)),
    releaseIdle(functionName) {
      const idle = byFunction
        .get(functionName)
        ?.find((slot) => slot.inFlight === 0 && !slot.retiring && slot.ready?.alive);
      if (idle) stop(idle);
      return idle !== undefined;
    },
    retireStale: (isCurrent) => retireWhere([...byFunction.values()].flat(), (spec) => !isCurrent(spec)),
    instances: () =>
      [...byFunction.values()].flat().map((slot) => ({
        instanceId: slot.instanceId,
        startedTimeMs: slot.startedTimeMs,
        functionName: slot.spec.functionName,
        qualifier: slot.spec.qualifier,
        revision: slot.spec.revision,
        pid: slot.instance?.pid,
        inFlight: slot.inFlight,
        retiring: slot.retiring,
      })),
    async close() {
      closed = true;
      process.off('exit', killAll);
      const slots = [...byFunction.values()].flat();
      const exits = slots.map(
        (slot) =>
          new Promise<void>((resolve) => slot.starting.then((s) => ('error' in s ? resolve() : s.onExit(resolve)))),
      );
      for (const slot of slots) stop(slot);
      await Promise.race([Promise.all(exits), new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
    },
  };
}

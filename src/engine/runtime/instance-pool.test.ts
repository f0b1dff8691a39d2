import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createInstancePool, type InstancePool } from './instance-pool';
import {
  expectFailure,
  expectSuccess,
  isRunning,
  json,
  makeTempDir,
  nodeSpec,
  writeCodeZip,
} from './testing/runtime-fixtures';
import type { FunctionSpec, PoolOptions } from './types';

const temp = makeTempDir();
afterAll(temp.cleanup);
let pool: InstancePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function open(options: Partial<PoolOptions> = {}): InstancePool {
  pool = createInstancePool({ workDir: temp.dir, ...options });
  return pool;
}

// Answers its instance id; sleeps for the number of ms in the payload first.
const SLOW_PID = `exports.handler = async (event) => {
  const ms = Number(event.toString()) || 0;
  await new Promise((resolve) => setTimeout(resolve, ms));
  return JSON.stringify(process.env.FC_INSTANCE_ID);
};`;

/** The engine-side pid of the instance a function answered from (in the sandbox it sees only its own namespace). */
const hostPid = (p: InstancePool, instanceId: unknown) =>
  p.instances().find((i) => i.instanceId === instanceId)?.pid ?? -1;
const slowZip = writeCodeZip(temp.dir, { 'index.js': SLOW_PID });

const waitFor = async (check: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('createInstancePool', () => {
  it('reuses a warm instance for the next request', async () => {
    const p = open();
    const spec = nodeSpec(slowZip);
    const first = json(await p.invokeEvent(spec, Buffer.from('0'), 'w-1'));
    const second = json(await p.invokeEvent(spec, Buffer.from('0'), 'w-2'));
    expect(second).toBe(first);
    expect(p.instances()).toHaveLength(1);
  });

  it('throttles at once when every instance is busy and the limit is reached', async () => {
    const p = open({ maxInstancesPerFunction: 2 });
    const spec = nodeSpec(slowZip);
    let finished = 0;
    const ordered = ['400', '400', '400'].map((ms, i) =>
      p.invokeEvent(spec, Buffer.from(ms), `c-${i}`).then((result) => ({ result, order: finished++ })),
    );
    const results = await Promise.all(ordered);
    const throttled = results.filter(({ result }) => 'error' in result);
    expect(throttled).toHaveLength(1);
    expect(expectFailure(throttled[0]!.result).error).toBe('ResourceThrottled');
    // At once: it is answered before either busy instance frees up.
    expect(throttled[0]!.order).toBe(0);
    const served = results.filter(({ result }) => !('error' in result));
    expect(new Set(served.map(({ result }) => json(result))).size).toBe(2);
  });

  it('routes a new revision to a new instance while the old one finishes its request, then stops it', async () => {
    const p = open();
    const oldSpec = nodeSpec(slowZip, { revision: 'r1' });
    const newSpec = nodeSpec(
      writeCodeZip(temp.dir, { 'index.js': 'exports.handler = async () => "v2:" + process.env.FC_INSTANCE_ID;' }),
      { revision: 'r2' },
    );
    const oldId = json(await p.invokeEvent(oldSpec, Buffer.from('0'), 'v-1'));
    const oldPid = hostPid(p, oldId);

    const inFlight = p.invokeEvent(oldSpec, Buffer.from('300'), 'v-2');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fresh = expectSuccess(await p.invokeEvent(newSpec, Buffer.alloc(0), 'v-3')).body.toString();
    expect(fresh).toMatch(/^v2:c-[0-9a-f]+$/);
    expect(fresh).not.toBe(`v2:${oldId}`);

    expect(json(await inFlight)).toBe(oldId);
    expect(await waitFor(() => !isRunning(oldPid))).toBe(true);
    expect(p.instances().map((i) => i.revision)).toEqual(['r2']);
  });

  it('retires what is no longer current when told: idle at once, busy after its request, current kept', async () => {
    const p = open();
    const [idle, busy, kept] = ['idle', 'busy', 'kept'].map((functionName) =>
      nodeSpec(slowZip, { functionName, revision: 'r1' }),
    ) as [FunctionSpec, FunctionSpec, FunctionSpec];
    const idlePid = hostPid(p, json(await p.invokeEvent(idle, Buffer.from('0'), 's-1')));
    const keptId = json(await p.invokeEvent(kept, Buffer.from('0'), 's-2'));
    const running = p.invokeEvent(busy, Buffer.from('300'), 's-3');
    await waitFor(() => p.instances().some((i) => i.functionName === 'busy' && i.pid !== undefined));
    const busyPid = p.instances().find((i) => i.functionName === 'busy')!.pid!;

    p.retireStale((spec) => spec.functionName === 'kept');
    expect(await waitFor(() => !isRunning(idlePid))).toBe(true);
    expect(isRunning(busyPid)).toBe(true);
    expectSuccess(await running);
    expect(await waitFor(() => !isRunning(busyPid))).toBe(true);
    expect(p.instances().map((i) => i.instanceId)).toEqual([keptId]);
  });

  it('answers ClientClosedRequest to an aborted caller, lets the invocation finish and keeps the instance', async () => {
    const p = open();
    const spec = nodeSpec(slowZip);
    const controller = new AbortController();
    const aborted = p.invokeEvent(spec, Buffer.from('200'), 'a-1', controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(expectFailure(await aborted).error).toBe('ClientClosedRequest');
    const [instance] = p.instances();
    expect(instance?.inFlight).toBe(1);
    // The invocation runs on in the background, then the same instance takes the next request.
    expect(await waitFor(() => p.instances()[0]?.inFlight === 0)).toBe(true);
    expect(json(await p.invokeEvent(spec, Buffer.from('0'), 'a-2'))).toBe(instance?.instanceId);
  });

  it('stops an instance left idle for idleMs', async () => {
    const p = open({ idleMs: 100 });
    const pid = hostPid(p, json(await p.invokeEvent(nodeSpec(slowZip), Buffer.from('0'), 'i-1')));
    expect(isRunning(pid)).toBe(true);
    expect(await waitFor(() => !isRunning(pid))).toBe(true);
    expect(p.instances()).toEqual([]);
  });

  it('gives up an idle instance when asked, never a busy one, and tells its cap each slot it removed', async () => {
    const released: string[] = [];
    const p = open({ cap: { reserve: () => true, release: (name) => released.push(name) } });
    const spec = nodeSpec(slowZip);
    const idle = hostPid(p, json(await p.invokeEvent(spec, Buffer.from('0'), 'r-1')));
    const busy = p.invokeEvent(nodeSpec(slowZip, { functionName: 'busy' }), Buffer.from('1000'), 'r-2');
    expect(await waitFor(() => p.instances().some((i) => i.functionName === 'busy' && i.pid !== undefined))).toBe(true);
    expect(p.releaseIdle('busy')).toBe(false);
    expect(p.releaseIdle('nothing')).toBe(false);
    expect(p.releaseIdle(spec.functionName)).toBe(true);
    expect(await waitFor(() => !isRunning(idle))).toBe(true);
    expect(released).toEqual([spec.functionName]);
    expectSuccess(await busy);
    expect(p.instances().map((i) => i.functionName)).toEqual(['busy']);
  });

  it('kills every instance on close and refuses later invocations', async () => {
    const p = open();
    const pids = [
      hostPid(p, json(await p.invokeEvent(nodeSpec(slowZip), Buffer.from('0'), 'k-1'))),
      hostPid(p, json(await p.invokeEvent(nodeSpec(slowZip, { functionName: 'other' }), Buffer.from('0'), 'k-2'))),
    ];
    await p.close();
    expect(pids.filter(isRunning)).toEqual([]);
    expect(expectFailure(await p.invokeEvent(nodeSpec(slowZip), Buffer.alloc(0), 'k-3')).error).toBe('InternalError');
  });

  it('answers InstanceStartFailed for a code file that is not a zip, RuntimeNotSupportedLocally for a cloud-only runtime', async () => {
    const p = open();
    const notZip = path.join(temp.dir, 'broken.zip');
    writeFileSync(notZip, 'not a zip');
    const bad = expectFailure(await p.invokeEvent(nodeSpec(notZip), Buffer.alloc(0), 's-1'));
    expect(bad.error).toBe('InstanceStartFailed');
    const cloudOnly = expectFailure(
      await p.invokeEvent(nodeSpec(slowZip, { runtime: 'java11' }), Buffer.alloc(0), 's-2'),
    );
    expect(cloudOnly).toMatchObject({
      error: 'RuntimeNotSupportedLocally',
      message: expect.stringContaining('java11 runs in the cloud only'),
    });
    expect(p.instances()).toEqual([]);
  });
});

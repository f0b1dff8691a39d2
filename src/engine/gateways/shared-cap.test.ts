import { fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createInstancePool, type InstancePool } from '../runtime/instance-pool';
import {
  expectFailure,
  expectSuccess,
  json,
  makeTempDir,
  nodeSpec,
  writeCodeZip,
} from '../runtime/testing/runtime-fixtures';
import type { FunctionSpec } from '../runtime/types';
import { processesOf } from '../conformance/engine-process';
import { channelOver } from './gateway-channel';
import { capClient, createCapOwner, serveCapReleases, type CapOwner } from './shared-cap';
import { channelPair } from './testing/channel-pair';

const temp = makeTempDir();
afterAll(temp.cleanup);
const pools: InstancePool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

// Answers its instance id after sleeping the number of ms in the payload.
const slowZip = writeCodeZip(temp.dir, {
  'index.js': `exports.handler = async (event) => {
  await new Promise((resolve) => setTimeout(resolve, Number(event.toString()) || 0));
  return JSON.stringify(process.env.FC_INSTANCE_ID);
};`,
});

/** The primary's pool and a gateway process's pool, as the engine wires them, over a channel pair. */
function twoProcesses(maxInstancesPerFunction = 10) {
  const pair = channelPair();
  const [toGateway, toPrimary] = pair;
  const owner: CapOwner = createCapOwner({ pool: () => primary });
  const primary = createInstancePool({
    workDir: path.join(temp.dir, 'primary'),
    maxInstancesPerFunction,
    cap: owner.cap,
  });
  const gateway = createInstancePool({
    workDir: path.join(temp.dir, 'gateway'),
    maxInstancesPerFunction,
    cap: capClient(toPrimary),
  });
  pools.push(primary, gateway);
  owner.addGateway(toGateway);
  serveCapReleases(toPrimary, gateway);
  return { owner, primary, gateway, toGateway, pair };
}

const call = (pool: InstancePool, spec: FunctionSpec, ms: number, id: string) =>
  pool.invokeEvent(spec, Buffer.from(String(ms)), id);

const waitFor = async (check: () => boolean, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe('one instance cap across gateway processes', () => {
  it('throttles the third concurrent request at a cap of 2 held by both processes, on either side', async () => {
    const { owner, primary, gateway } = twoProcesses(2);
    const spec = nodeSpec(slowZip);
    let finished = false;
    const busy = [call(primary, spec, 1500, 'p-1'), call(gateway, spec, 1500, 'g-1')];
    void Promise.all(busy).then(() => (finished = true));
    expect(await waitFor(() => primary.instances().length === 1 && gateway.instances().length === 1)).toBe(true);
    expect(owner.count(spec.functionName)).toBe(2);

    for (const [pool, id] of [
      [primary, 'p-2'],
      [gateway, 'g-2'],
    ] as const) {
      const throttled = expectFailure(await call(pool, spec, 0, id));
      expect(throttled.error).toBe('ResourceThrottled');
      expect(throttled.message).toContain('limit of 2 instances');
    }
    // Refused at once, while both instances are still busy: neither was idle to give up.
    expect(finished).toBe(false);
    const served = (await Promise.all(busy)).map((result) => json(result));
    expect(new Set(served).size).toBe(2);
  });

  it('serves sequential requests alternating processes at reserved concurrency 1: the idle instance is given up', async () => {
    const { owner, primary, gateway } = twoProcesses();
    const spec = nodeSpec(slowZip, { maxInstances: 1 });
    const servedBy: unknown[] = [];
    for (let i = 0; i < 4; i++) {
      const pool = i % 2 === 0 ? primary : gateway;
      servedBy.push(json(expectSuccess(await call(pool, spec, 0, `seq-${i}`))));
      expect(primary.instances().length + gateway.instances().length).toBe(1);
      expect(owner.count(spec.functionName)).toBe(1);
    }
    // Each request started an instance in its own process once the other process gave its idle one up.
    expect(new Set(servedBy).size).toBe(4);
    // An idle instance of another qualifier in the asking process itself is given up too.
    expectSuccess(await call(gateway, spec, 0, 'seq-latest'));
    expectSuccess(await call(gateway, { ...spec, qualifier: 'prod' }, 0, 'seq-prod'));
    expectSuccess(await call(primary, spec, 0, 'primary-latest'));
    expectSuccess(await call(primary, { ...spec, qualifier: 'prod' }, 0, 'primary-prod'));
    expect(primary.instances().map((i) => i.qualifier)).toEqual(['prod']);
    expect(gateway.instances()).toEqual([]);
  });

  it('throttles every request at reserved concurrency 0, in either process', async () => {
    const { owner, primary, gateway } = twoProcesses();
    const spec = nodeSpec(slowZip, { maxInstances: 0 });
    for (const pool of [primary, gateway]) {
      const throttled = expectFailure(await call(pool, spec, 0, 'zero'));
      expect(throttled.error).toBe('ResourceThrottled');
      expect(throttled.message).toContain('reserved concurrency is 0');
    }
    expect(owner.count(spec.functionName)).toBe(0);
    expect(primary.instances().length + gateway.instances().length).toBe(0);
  });

  it('frees what a gateway held once it is gone, and a gateway without its owner starts nothing', async () => {
    const { owner, primary, gateway, toGateway, pair } = twoProcesses();
    const spec = nodeSpec(slowZip, { maxInstances: 1 });
    const held = call(gateway, spec, 2000, 'held');
    expect(await waitFor(() => owner.count(spec.functionName) === 1)).toBe(true);
    expect(expectFailure(await call(primary, spec, 0, 'refused')).error).toBe('ResourceThrottled');

    pair.disconnect();
    owner.gatewayGone(toGateway);
    expect(owner.count(spec.functionName)).toBe(0);
    expectSuccess(await call(primary, spec, 0, 'after-gone'));
    expect(expectFailure(await call(gateway, nodeSpec(slowZip, { functionName: 'other' }), 0, 'orphan')).error).toBe(
      'ResourceThrottled',
    );
    expectSuccess(await held);
  });
});

const GATEWAY_CHILD = fileURLToPath(new URL('./testing/cap-gateway-child.ts', import.meta.url));

describe('the shared cap with a real gateway process', () => {
  it('alternates at reserved concurrency 1 over real IPC, and frees what a killed gateway held', async () => {
    const child = fork(GATEWAY_CHILD, [path.join(temp.dir, 'child')], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exited = once(child, 'exit');
    try {
      await once(child, 'message');
      const toGateway = channelOver(child);
      const owner = createCapOwner({ pool: () => primary });
      const primary = createInstancePool({ workDir: path.join(temp.dir, 'parent'), cap: owner.cap });
      pools.push(primary);
      owner.addGateway(toGateway);
      const spec = nodeSpec(slowZip, { functionName: 'across-ipc', maxInstances: 1, timeoutSeconds: 30 });
      const inChild = (event: string) =>
        toGateway.request<{ body?: string; error?: string }>('test.invoke', { spec, event });

      const servedBy = new Set<unknown>();
      for (let i = 0; i < 4; i++) {
        const answer =
          i % 2 === 0 ? json(await call(primary, spec, 0, `ipc-${i}`)) : JSON.parse((await inChild('0')).body!);
        servedBy.add(answer);
        expect(primary.instances().length + (await toGateway.request<number>('test.instances'))).toBe(1);
      }
      expect(servedBy.size).toBe(4);

      void inChild('20000').catch(() => undefined); // busy in the gateway when it is killed
      expect(await waitFor(() => primary.instances().length === 0 && owner.count(spec.functionName) === 1)).toBe(true);
      expect(await toGateway.request<number>('test.instances')).toBe(1);
      expect(expectFailure(await call(primary, spec, 0, 'refused')).error).toBe('ResourceThrottled');
      child.kill('SIGKILL');
      await exited;
      // Nobody reported it gone: the owner finds its channel closed when it asks for room.
      expectSuccess(await call(primary, spec, 0, 'after-kill'));
      expect(owner.count(spec.functionName)).toBe(1);
    } finally {
      child.kill('SIGKILL');
      for (const pid of processesOf('across-ipc')) killQuietly(pid);
    }
  });
});

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

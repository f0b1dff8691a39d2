import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
// eslint-disable-next-line import-x/no-restricted-paths -- the data dir is shared: both parts are started as `npm start` does
import { startLocalEngine, type LocalEngine } from '../engine/local-engine';
import { startBff, type RunningBff } from './server';

const running: Array<{ close(): Promise<void> }> = [];
const roots: string[] = [];

afterEach(async () => {
  await Promise.allSettled(running.splice(0).map((r) => r.close()));
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

function freshRoot(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-data-modes-'));
  roots.push(root);
  return root;
}

async function startBoth(dataDir: string): Promise<{ engine: LocalEngine; bff: RunningBff }> {
  const engine = await startLocalEngine({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    region: 'cn-hangzhou',
    credentialOverrides: {},
    sandbox: 'auto',
  });
  running.push(engine);
  vi.stubEnv('FC_CONSOLE_DATA', dataDir);
  vi.stubEnv('FC_ENGINE_HOST', '127.0.0.1');
  vi.stubEnv('FC_ENGINE_PORT', String(engine.port));
  const bff = await startBff({ host: '127.0.0.1', port: 0 });
  running.push(bff);
  return { engine, bff };
}

async function api(bff: RunningBff, method: string, route: string, body: unknown) {
  const res = await fetch(`${bff.url}/api${route}`, {
    method,
    headers: { 'content-type': 'application/json', origin: bff.url },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Every entry under `dir` with its permission bits, symbolic links left out. */
function walk(dir: string, found = new Map<string, number>()): Map<string, number> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    found.set(full, fs.lstatSync(full).mode & 0o777);
    if (entry.isDirectory()) walk(full, found);
  }
  return found;
}

const octal = (mode: number) => mode.toString(8);

/** Use the console once as a user would: a function, a trigger, and Test Function through it. */
async function useTheConsole(bff: RunningBff, functionName: string) {
  expect((await api(bff, 'POST', '/functions', { functionName, template: 'nodejs-event-http' })).status).toBe(201);
  const trigger = {
    triggerName: 'http-trigger',
    triggerType: 'http',
    triggerConfig: { methods: ['GET'], authType: 'anonymous' },
  };
  expect((await api(bff, 'POST', `/functions/${functionName}/triggers`, trigger)).status).toBe(201);
  const request = { kind: 'http', method: 'GET', path: '/', query: [], headers: [], bodyType: 'text', body: '' };
  const invoked = await api(bff, 'POST', `/functions/${functionName}/invocations`, { mode: 'sync', request });
  expect(invoked.status).toBe(200);
}

function expectPrivate(dataDir: string) {
  expect(octal(fs.statSync(dataDir).mode & 0o777)).toBe('700');
  const entries = walk(dataDir);
  const names = [...entries.keys()].map((p) => path.relative(dataDir, p));
  expect(names).toEqual(
    expect.arrayContaining(['credentials.json', 'engine.db', 'engine.db-wal', 'console.db', 'code', 'runtime']),
  );
  expect(names.some((n) => n.startsWith('code/') && n.endsWith('.zip'))).toBe(true);
  expect(names.some((n) => n.startsWith('runtime/') && n.endsWith('index.js'))).toBe(true);
  for (const [file, mode] of entries) {
    const name = path.relative(dataDir, file);
    if (fs.statSync(file).isDirectory()) expect([name, octal(mode)]).toEqual([name, '700']);
    // Extracted code keeps its owner's execute bit (a custom runtime's bootstrap); nobody else gets any.
    else if (name.startsWith('runtime/')) expect([name, mode & 0o077]).toEqual([name, 0]);
    else expect([name, octal(mode)]).toEqual([name, '600']);
  }
}

describe('the data dir', () => {
  it('is created 0700 with every file 0600 by the engine and the console', async () => {
    const dataDir = path.join(freshRoot(), 'data');
    const { bff } = await startBoth(dataDir);
    await useTheConsole(bff, 'first');
    expectPrivate(dataDir);
  });

  it('left readable by an older version is tightened at the next start', async () => {
    const dataDir = path.join(freshRoot(), 'data');
    // First start, then loosen everything as an older version would have left it.
    const first = await startBoth(dataDir);
    await useTheConsole(first.bff, 'first');
    await Promise.all(running.splice(0).map((r) => r.close()));
    vi.unstubAllEnvs();
    for (const [file] of walk(dataDir)) fs.chmodSync(file, fs.statSync(file).isDirectory() ? 0o755 : 0o644);
    fs.chmodSync(dataDir, 0o755);

    const { bff } = await startBoth(dataDir);
    await useTheConsole(bff, 'second');
    expectPrivate(dataDir);
  });
});

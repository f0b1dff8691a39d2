import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
// eslint-disable-next-line import-x/no-restricted-paths -- started as `npm start` does: the bff reads the engine's keys from the data dir
import { startLocalEngine, type LocalEngine } from '../engine/local-engine';
import { startBff, type RunningBff } from './server';

let dataDir: string;
let engine: LocalEngine;
let bff: RunningBff;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-sandbox-status-'));
  const config = { dataDir, host: '127.0.0.1', port: 0, region: 'cn-hangzhou', credentialOverrides: {} };
  engine = await startLocalEngine({ ...config, sandbox: 'off' }, { warn: () => {} });
  vi.stubEnv('FC_CONSOLE_DATA', dataDir);
  vi.stubEnv('FC_ENGINE_HOST', '127.0.0.1');
  vi.stubEnv('FC_ENGINE_PORT', String(engine.port));
  bff = await startBff({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await Promise.allSettled([bff?.close(), engine?.close()]);
  vi.unstubAllEnvs();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('an engine started with FC_ENGINE_SANDBOX=off is reported by the console as not isolating functions', async () => {
  const res = await fetch(`${bff.url}/api/settings`, { headers: { accept: 'application/json' } });
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({
    mode: 'local',
    functionIsolation: 'not-isolated',
    isolationReason: 'FC_ENGINE_SANDBOX=off',
  });
});

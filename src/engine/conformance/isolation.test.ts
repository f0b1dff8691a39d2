import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { detectSandbox } from '../runtime/sandbox/detect';
import { $FC } from '../openapi/testing/engine-kit';
import { startEngineProcess, processesOf, type EngineProcess } from './engine-process';
import { code, MIRROR, WEB_SERVER } from './fixtures';
import {
  ANONYMOUS,
  call,
  deployFunction,
  deployHttp,
  deployTrigger,
  sandboxMode,
  startHarness,
  type Harness,
} from './harness';

// A function, tried as an attacker would write it: it must not reach the engine's files, keys or
// processes, nor outlive its instance, nor hold more memory than its memorySize.
const sandbox = await detectSandbox(sandboxMode());
const isolated = sandbox.status.isolated;
const onlyIsolated = sandbox.status.isolated ? '' : ` (skipped: ${sandbox.status.reason})`;
const SECRET = 'Sandbox0Secret0Never0Seen0By0Functions';

/** Tries each path, writes to its own code and signals a pid; answers what each attempt gave. */
const SPY = code(`const fs = require('node:fs');
const path = require('node:path');
const attempt = (fn) => { try { return 'ok: ' + String(fn()).slice(0, 300); } catch (error) { return error.code || error.message; } };
exports.handler = async (event) => {
  const req = JSON.parse(event);
  const { paths, enginePid } = JSON.parse(req.isBase64Encoded ? Buffer.from(req.body, 'base64').toString() : req.body);
  const report = {};
  for (const p of [...paths, '../../../credentials.json', path.resolve(__dirname, '../../../credentials.json')]) {
    report['read ' + p] = attempt(() => (fs.statSync(p).isDirectory() ? fs.readdirSync(p).join(',') : fs.readFileSync(p, 'utf8')));
  }
  report['write own code'] = attempt(() => fs.writeFileSync(__filename, '// replaced'));
  report['signal the engine'] = attempt(() => process.kill(enginePid, 'SIGTERM'));
  report.environment = JSON.stringify(process.env);
  report.processes = fs.readdirSync('/proc').filter((name) => /^\\d+$/.test(name)).length;
  return { statusCode: 200, body: JSON.stringify(report) };
};
`);

describe.skipIf(!isolated)(`a function cannot reach the engine${onlyIsolated}`, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-isolation-'));
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngineProcess(dataDir, { FC_ENGINE_ACCESS_KEY_SECRET: SECRET });
  });
  afterAll(() => {
    engine.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads nothing of the data dir, other code, the project or the engine, writes not its code, signals nothing', async () => {
    const other = await deployHttp(engine, MIRROR);
    expect((await call(`http://${new URL(other.urlInternet).hostname}:${engine.port}`)).status).toBe(200);
    const codeRoot = path.join(dataDir, 'runtime', 'code');
    const otherCode = path.join(
      codeRoot,
      fs.readdirSync(codeRoot).find((name) => !name.startsWith('.'))!,
    );
    const paths = [
      dataDir,
      path.join(dataDir, 'credentials.json'),
      path.join(dataDir, 'engine.db'),
      path.join(dataDir, 'recordings.db'),
      codeRoot,
      path.join(otherCode, 'index.js'),
      `/proc/${engine.child.pid}/environ`,
      path.join(process.cwd(), 'package.json'),
      os.homedir(),
    ];

    const spy = await deployHttp(engine, SPY);
    const url = `http://${new URL(spy.urlInternet).hostname}:${engine.port}`;
    const reply = await call(url, { method: 'POST', body: JSON.stringify({ paths, enginePid: engine.child.pid }) });
    expect(reply.status).toBe(200);
    const report = reply.json<Record<string, string | number>>();
    const reads = Object.entries(report).filter(([what]) => what.startsWith('read '));
    expect(reads).toHaveLength(paths.length + 2);
    expect(reads.filter(([, outcome]) => String(outcome).startsWith('ok'))).toEqual([]);
    expect(report['write own code']).toBe('EROFS');
    expect(report['signal the engine']).toBe('ESRCH');
    // Its own namespace: the runner alone, nothing of the machine's.
    expect(report.processes).toBeLessThanOrEqual(2);
    expect(reply.text).not.toContain(SECRET);
    expect(JSON.parse(String(report.environment))).not.toHaveProperty('FC_ENGINE_ACCESS_KEY_SECRET');

    // The engine is unharmed and its key still the only way in.
    const listed = await engine.client.listFunctions(new $FC.ListFunctionsRequest({}));
    expect(listed.body?.functions?.map((f) => f.functionName)).toContain(spy.functionName);
  });
});

describe('an instance takes everything it started with it', () => {
  let h: Harness;
  // The timed-out request must reach the instance that spawned: one gateway process (decision 044).
  beforeAll(async () => (h = await startHarness({}, { gateways: 1 })));
  afterAll(() => h.close());

  it.skipIf(!isolated)(`50 detached sleeps are gone once the function times out${onlyIsolated}`, async () => {
    const functionName = await deployFunction(
      h,
      code(
        `const { spawn } = require('node:child_process');
exports.handler = async (event) => {
  if (JSON.parse(event).rawPath === '/spawn') {
    // setsid: out of the instance's process group, as a function escaping a group kill would try.
    for (let i = 0; i < 50; i++) spawn('setsid', ['sleep', '600'], { detached: true, stdio: 'ignore' }).unref();
    return { statusCode: 200, body: 'spawned' };
  }
  for (;;) {}
};`,
        { timeout: 3 },
      ),
    );
    const { urlInternet } = await deployTrigger(h, functionName, ANONYMOUS);
    expect((await call(urlInternet, { path: '/spawn' })).text).toBe('spawned');
    await vi.waitFor(() => expect(processesOf(functionName).length).toBeGreaterThanOrEqual(50), { timeout: 5000 });
    expect((await call(urlInternet, { path: '/hang' })).headers['x-fc-error-type']).toBe('FunctionTimeout');
    await vi.waitFor(() => expect(processesOf(functionName)).toEqual([]), { timeout: 5000 });
  });

  it('a web function is gone after a kill -9 of the engine, and none is left at the next start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-crash-'));
    const first = await startEngineProcess(dataDir);
    const functionName = await deployFunction(first, WEB_SERVER);
    const web = await deployTrigger(first, functionName, ANONYMOUS);
    expect((await call(`http://${new URL(web.urlInternet).hostname}:${first.port}`)).status).toBe(200);
    expect(processesOf(functionName).length).toBeGreaterThanOrEqual(1);
    first.child.kill('SIGKILL');
    // Sandboxed, the instance dies with the engine (--die-with-parent); otherwise the next start
    // stops what the crashed engine left.
    if (isolated) await vi.waitFor(() => expect(processesOf(functionName)).toEqual([]), { timeout: 5000 });
    const second = await startEngineProcess(dataDir);
    await vi.waitFor(() => expect(processesOf(functionName)).toEqual([]), { timeout: 5000 });
    second.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);
});

describe.skipIf(process.platform !== 'linux')('memorySize', () => {
  let h: Harness;
  beforeAll(async () => (h = await startHarness()));
  afterAll(() => h.close());

  it.each([
    ['Buffers (outside the V8 heap)', 'chunks.push(Buffer.alloc(16 * 1024 * 1024, 1))'],
    ['JavaScript objects (the V8 heap)', 'chunks.push(Array.from({ length: 1e6 }, (_, i) => ({ i })))'],
  ])(
    'a function allocating past it with %s answers as FC does when out of memory',
    async (_kind, allocate) => {
      const { urlInternet } = await deployHttp(
        h,
        code(
          `exports.handler = async (event) => {
  if (JSON.parse(event).rawPath === '/small') return { statusCode: 200, body: 'fine' };
  const chunks = [];
  for (let i = 0; i < 100; i++) { ${allocate}; await new Promise((resolve) => setTimeout(resolve, 10)); }
  return { statusCode: 200, body: 'held ' + chunks.length };
};`,
          { memorySize: 128, timeout: 60 },
        ),
      );
      const reply = await call(urlInternet);
      expect(reply.status).toBe(502);
      expect(reply.headers['x-fc-error-type']).toBe('FunctionExited');
      expect(reply.json()).toMatchObject({ Code: 'FunctionExited', Message: expect.stringContaining('out of memory') });
      // The engine and the function are fine: a new instance serves the next request.
      expect((await call(urlInternet, { path: '/small' })).text).toBe('fine');
    },
    60_000,
  );
});

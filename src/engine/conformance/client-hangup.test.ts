import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineProcess, type EngineProcess } from './engine-process';
import { WEB_SERVER } from './fixtures';
import { call, deployHttp } from './harness';

/** A web function whose server takes two seconds to start listening. */
const SLOW_START = {
  ...WEB_SERVER,
  files: { 'server.js': `setTimeout(() => require('./web.js'), 2000);\n`, 'web.js': WEB_SERVER.files['server.js']! },
};

/** Sends a request to the trigger and hangs up as soon as it has been written, long before any answer. */
function hangUp(url: URL, port: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/', headers: { host: url.host }, agent: false });
    req.on('error', () => resolve());
    req.on('close', () => resolve());
    req.end(() => setTimeout(() => req.destroy(), 200));
  });
}

describe('a client hanging up on a web function that is still starting', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-hangup-'));
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngineProcess(dataDir);
  });
  afterAll(() => {
    engine.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves the engine up, and the next request is answered', async () => {
    const { urlInternet } = await deployHttp(engine, SLOW_START);
    const url = new URL(`http://${new URL(urlInternet).hostname}:${engine.port}`);
    await hangUp(url, engine.port);

    const next = await call(url.href);
    expect(next.status).toBe(200);
    expect(next.headers['x-served-by']).toBe('web');
    expect(engine.child.exitCode).toBeNull();
  }, 30_000);
});

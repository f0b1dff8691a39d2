import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { FUNCTION_TEMPLATES, functionCreateSchema } from '../../contract/function';
import { functionFromTemplate } from './function-templates';
import { freePort } from '../../contract/testing/free-port';

function filesOf(zipFile: string): Record<string, string> {
  const entries = unzipSync(new Uint8Array(Buffer.from(zipFile, 'base64')));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

let cleanup: Array<() => void> = [];
afterEach(() => {
  cleanup.forEach((fn) => fn());
  cleanup = [];
});

/** Unpack the template and run its start command, as the engine would, on FC_SERVER_PORT. */
async function startWebTemplate(template: 'nodejs-web' | 'custom-runtime'): Promise<string> {
  const fn = functionFromTemplate({ functionName: 'web', template });
  const dir = mkdtempSync(path.join(tmpdir(), 'fc-template-'));
  for (const [name, text] of Object.entries(filesOf(fn.code.zipFile))) writeFileSync(path.join(dir, name), text);
  const port = await freePort();
  const { command, args = [] } = fn.customRuntimeConfig!;
  const child = spawn(command[0]!, [...command.slice(1), ...args], {
    cwd: dir,
    env: { ...process.env, FC_SERVER_PORT: String(port) },
  });
  cleanup.push(() => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Listening') && resolve());
    child.once('exit', (code) => reject(new Error(`${command[0]} exited with ${code}`)));
  });
  return `http://127.0.0.1:${port}`;
}

describe('Create Function templates', () => {
  it('every template is a valid CreateFunction input', () => {
    for (const template of FUNCTION_TEMPLATES) {
      const input = functionFromTemplate({ functionName: 'fn', template, timeout: 10 });
      expect(functionCreateSchema.safeParse(input).success).toBe(true);
      expect(input.timeout).toBe(10);
    }
  });

  it('the Node.js event function answers an HTTP trigger event', async () => {
    const fn = functionFromTemplate({ functionName: 'hello', template: 'nodejs-event-http' });
    expect(fn).toMatchObject({ runtime: 'nodejs20', handler: 'index.handler' });
    const source = filesOf(fn.code.zipFile)['index.js']!;
    const module = { exports: {} as { handler?: (event: string, context: unknown) => Promise<unknown> } };
    new Function('exports', 'module', 'console', source)(module.exports, module, { log: () => {} });
    const event = JSON.stringify({ rawPath: '/hi', requestContext: { http: { method: 'POST' } }, headers: {} });
    const result = (await module.exports.handler!(event, {})) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ message: 'Hello from Function Compute', method: 'POST', path: '/hi' });
  });

  it('the Node.js web function serves HTTP on FC_SERVER_PORT', async () => {
    const url = await startWebTemplate('nodejs-web');
    const res = await fetch(`${url}/orders?id=1`, { method: 'PUT' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ method: 'PUT', path: '/orders?id=1' });
  });

  // The engine needs python3 for this template too; a machine without it cannot run it at all.
  it.skipIf(spawnSync('python3', ['--version']).status !== 0)(
    'the Python custom runtime serves HTTP on FC_SERVER_PORT',
    async () => {
      const url = await startWebTemplate('custom-runtime');
      const res = await fetch(`${url}/status`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ method: 'GET', path: '/status' });
    },
  );
});

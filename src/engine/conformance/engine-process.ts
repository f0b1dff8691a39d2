import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import FC from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { loadCredentials } from '../credentials';
import type { FcClientInstance } from '../openapi/testing/engine-kit';

const CHILD = fileURLToPath(new URL('./engine-child.ts', import.meta.url));
const FcClient = ((FC as unknown as { default?: typeof FC }).default ?? FC) as typeof FC;

export type EngineProcess = { child: ChildProcess; port: number; client: FcClientInstance };

/** An engine in a process of its own (engine-child.ts), for tests that kill it or read its environment. */
export function startEngineProcess(dataDir: string, env: Record<string, string> = {}): Promise<EngineProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('\n')) return;
      const { port } = JSON.parse(out.split('\n')[0]!) as { port: number };
      const overrides = { accessKeySecret: env.FC_ENGINE_ACCESS_KEY_SECRET };
      const { accessKeyId, accessKeySecret } = loadCredentials(dataDir, overrides);
      const config = { accessKeyId, accessKeySecret, endpoint: `127.0.0.1:${port}`, protocol: 'http' };
      resolve({ child, port, client: new FcClient(new $OpenApiUtil.Config(config)) });
    });
    child.on('exit', (code) => reject(new Error(`the engine exited (${code}): ${err}`)));
  });
}

/**
 * The processes on this machine that run for a function, as the machine sees them: those whose
 * environment names it (an instance's processes, bubblewrap's included, and all they started).
 */
export function processesOf(functionName: string): number[] {
  const marker = Buffer.from(`\0FC_FUNCTION_NAME=${functionName}\0`);
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const environ = Buffer.concat([Buffer.from([0]), fs.readFileSync(`/proc/${name}/environ`)]);
      if (environ.includes(marker) && !isZombie(name)) pids.push(Number(name));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

function isZombie(pid: string): boolean {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

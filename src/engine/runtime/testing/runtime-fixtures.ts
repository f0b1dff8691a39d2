import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { BufferedHttpRequest, FunctionSpec, InvokeFailure, InvokeResult, InvokeSuccess } from '../types';

/** A temp dir per test file, removed by `cleanup`. */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'fc-runtime-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let zipCount = 0;

/** Writes a code zip holding `files` and answers its path. */
export function writeCodeZip(dir: string, files: Record<string, string | Uint8Array>): string {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? strToU8(content) : content]),
  );
  const zipPath = path.join(dir, `code-${++zipCount}.zip`);
  writeFileSync(zipPath, zipSync(entries));
  return zipPath;
}

export function nodeSpec(zipPath: string, overrides: Partial<FunctionSpec> = {}): FunctionSpec {
  return {
    functionName: 'hello',
    qualifier: 'LATEST',
    revision: zipPath,
    runtime: 'nodejs20',
    handler: 'index.handler',
    codeZipPath: zipPath,
    timeoutSeconds: 3,
    instanceConcurrency: 1,
    memorySize: 256,
    environmentVariables: {},
    ...overrides,
  };
}

let requestCount = 0;

export function httpRequest(overrides: Partial<BufferedHttpRequest> = {}): BufferedHttpRequest {
  return {
    method: 'GET',
    rawPath: '/',
    query: '',
    headers: { 'user-agent': 'vitest' },
    body: Buffer.alloc(0),
    requestId: `req-${++requestCount}`,
    context: {
      accountId: '1234567890',
      domainName: 'hello-abcdefghij.cn-hangzhou.fcapp.localhost',
      sourceIp: '127.0.0.1',
    },
    ...overrides,
  };
}

export function expectSuccess(result: InvokeResult): InvokeSuccess {
  if ('error' in result) throw new Error(`expected a response, got ${result.error}: ${result.message}\n${result.logs}`);
  return result;
}

export function expectFailure(result: InvokeResult): InvokeFailure {
  if (!('error' in result))
    throw new Error(`expected a failure, got status ${result.statusCode}: ${result.body.toString()}`);
  return result;
}

export function json(result: InvokeResult): unknown {
  return JSON.parse(expectSuccess(result).body.toString());
}

/** Whether the process runs (a killed child of a reparented group may stay a zombie when PID 1 does not reap). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true;
  }
}

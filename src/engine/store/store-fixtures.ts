import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import type { FunctionSettings } from './functions-store';

/** Test helpers: a fresh data dir, a zip, default settings. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fc-engine-store-'));
}

export function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)])),
  );
}

export const nodeSettings: FunctionSettings = {
  runtime: 'nodejs20',
  handler: 'index.handler',
  description: '',
  timeout: 3,
  memorySize: 512,
  instanceConcurrency: 1,
  environmentVariables: {},
};

export const anonymousGet = { methods: ['GET' as const], authType: 'anonymous' as const, authConfig: undefined };

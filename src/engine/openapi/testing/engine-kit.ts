import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import FC, * as $FC from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { zipSync } from 'fflate';
import { afterEach, beforeEach } from 'vitest';
import { startEngine, type RunningEngine, type StartEngineOptions } from '../../server';

/** Test helpers: an engine on port 0 in a temp data dir, driven only through the official SDK. */
export { $FC };

// Node's ESM loader hands the CJS module object as the default import; bundlers hand the class.
const FcClient = ((FC as unknown as { default?: typeof FC }).default ?? FC) as typeof FC;
export type FcClientInstance = InstanceType<typeof FcClient>;

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fc-engine-openapi-'));
}

export async function startTestEngine(options: Partial<StartEngineOptions> = {}): Promise<RunningEngine> {
  return startEngine({ dataDir: tempDataDir(), host: '127.0.0.1', port: 0, ...options });
}

/** Stops an engine from startTestEngine and removes its data dir. */
export async function stopTestEngine(engine: RunningEngine): Promise<void> {
  await engine.close();
  fs.rmSync(engine.store.dataDir, { recursive: true, force: true });
}

export type TestEngine = { engine: RunningEngine; client: FcClientInstance };

/** A fresh engine and SDK client for each test of the file, stopped after it; `given` runs first in each. */
export function useTestEngine(given?: (client: FcClientInstance) => Promise<unknown>): TestEngine {
  const kit = {} as TestEngine;
  beforeEach(async () => {
    kit.engine = await startTestEngine();
    kit.client = sdkClient(kit.engine);
    await given?.(kit.client);
  });
  afterEach(() => stopTestEngine(kit.engine));
  return kit;
}

export function sdkClient(engine: RunningEngine, secret = engine.credentials.accessKeySecret): FcClientInstance {
  return new FcClient(
    new $OpenApiUtil.Config({
      accessKeyId: engine.credentials.accessKeyId,
      accessKeySecret: secret,
      endpoint: `127.0.0.1:${engine.port}`,
      protocol: 'http',
    }),
  );
}

export function zipBase64(files: Record<string, string>): string {
  const entries = Object.fromEntries(
    Object.entries(files).map(([name, text]) => [name, new TextEncoder().encode(text)]),
  );
  return Buffer.from(zipSync(entries)).toString('base64');
}

export const HELLO_ZIP = zipBase64({ 'index.js': 'exports.handler = async () => "hello";\n' });

export function createFunction(
  client: FcClientInstance,
  functionName: string,
  extra: Partial<$FC.CreateFunctionInput> = {},
) {
  return client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'nodejs20',
        code: new $FC.InputCodeLocation({ zipFile: HELLO_ZIP }),
        ...extra,
      }),
    }),
  );
}

export function createHttpTrigger(
  client: FcClientInstance,
  functionName: string,
  triggerName: string,
  extra: { qualifier?: string; triggerConfig?: object | string; triggerType?: string } = {},
) {
  const config = extra.triggerConfig ?? { methods: ['GET', 'POST'], authType: 'anonymous', disableURLInternet: false };
  return client.createTrigger(
    functionName,
    new $FC.CreateTriggerRequest({
      body: new $FC.CreateTriggerInput({
        triggerName,
        triggerType: extra.triggerType ?? 'http',
        qualifier: extra.qualifier,
        triggerConfig: typeof config === 'string' ? config : JSON.stringify(config),
      }),
    }),
  );
}

/** The SDK's error for a call that must fail. */
export async function sdkError(
  call: Promise<unknown>,
): Promise<{ statusCode: number; code: string; message: string; data: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    return error as never;
  }
  throw new Error('expected the call to fail');
}

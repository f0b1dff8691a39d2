import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { loadEngineConfig, type EngineConfig, type SandboxMode } from '../config';
import { startLocalEngine, type LocalEngine, type LocalEngineOptions } from '../local-engine';
import { $FC, sdkClient, zipBase64, type FcClientInstance } from '../openapi/testing/engine-kit';
import { LOCAL_DEFAULTS } from '../../contract/local-defaults';

/**
 * The conformance suite's only ways in: the official SDK (to create functions and triggers) and
 * plain HTTP to 127.0.0.1 with the trigger's Host header, as curl would send it.
 */
export type Harness = {
  engine: LocalEngine;
  dataDir: string;
  client: FcClientInstance;
  /** The 499 lines the gateway logged. */
  logs: string[];
  close(): Promise<void>;
};

/** What deploying needs: an SDK client of an engine (in this process, or one in its own). */
export type Deployer = Pick<Harness, 'client'>;

/**
 * An engine on port 0 in a temp data dir (or `config.dataDir`, kept by `stop`, removed by `close`),
 * with what else of the engine's config a test sets (its recording bounds, its gateway processes).
 */
export async function startHarness(
  options: LocalEngineOptions = {},
  config: Partial<Pick<EngineConfig, 'dataDir' | 'recording' | 'httpsPort' | 'gateways'>> = {},
): Promise<Harness & { stop(): Promise<void> }> {
  const dataDir = config.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fc-conformance-'));
  const logs: string[] = [];
  const engine = await startLocalEngine(
    {
      host: '127.0.0.1',
      port: 0,
      region: LOCAL_DEFAULTS.region,
      credentialOverrides: {},
      sandbox: sandboxMode(),
      gateways: gatewaysFromEnv(),
      ...config,
      dataDir,
    },
    { log: (line) => logs.push(line), ...options },
  );
  return {
    engine,
    dataDir,
    client: sdkClient(engine),
    logs,
    stop: () => engine.close(),
    async close() {
      await engine.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let count = 0;
export const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${++count}`;

export type FunctionCode = {
  files: Record<string, string>;
  runtime?: string;
  handler?: string;
  timeout?: number;
  memorySize?: number;
  instanceConcurrency?: number;
  customRuntimeConfig?: { command: string[]; args?: string[]; port?: number };
};

export async function deployFunction(
  h: Deployer,
  code: FunctionCode,
  functionName = uniqueName('fn'),
): Promise<string> {
  const { files, customRuntimeConfig, ...settings } = code;
  await h.client.createFunction(
    new $FC.CreateFunctionRequest({
      body: new $FC.CreateFunctionInput({
        functionName,
        runtime: 'nodejs20',
        code: new $FC.InputCodeLocation({ zipFile: zipBase64(files) }),
        ...settings,
        ...(customRuntimeConfig ? { customRuntimeConfig: new $FC.CustomRuntimeConfig(customRuntimeConfig) } : {}),
      }),
    }),
  );
  return functionName;
}

export type TriggerEndpoints = { functionName: string; triggerName: string; urlInternet: string; urlIntranet: string };

export async function deployTrigger(
  h: Deployer,
  functionName: string,
  triggerConfig: object,
  qualifier?: string,
): Promise<TriggerEndpoints> {
  const triggerName = uniqueName('http');
  const created = await h.client.createTrigger(
    functionName,
    new $FC.CreateTriggerRequest({
      body: new $FC.CreateTriggerInput({
        triggerName,
        triggerType: 'http',
        qualifier,
        triggerConfig: JSON.stringify(triggerConfig),
      }),
    }),
  );
  const { urlInternet = '', urlIntranet = '' } = created.body?.httpTrigger ?? {};
  return { functionName, triggerName, urlInternet, urlIntranet };
}

/** A function and an anonymous trigger for it; answers the trigger's endpoints. */
export async function deployHttp(
  h: Deployer,
  code: FunctionCode,
  triggerConfig: object = ANONYMOUS,
): Promise<TriggerEndpoints> {
  return deployTrigger(h, await deployFunction(h, code), triggerConfig);
}

export const ANONYMOUS = { methods: ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH'], authType: 'anonymous' };

export type CallOptions = {
  method?: string;
  /** Path and query, as sent. */
  path?: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  /** The client's own address (another loopback one, e.g. 127.0.0.2, to tell it from the engine's). */
  localAddress?: string;
  /** Send on this agent's kept-alive connection (one a test pinned to a process) rather than a new one. */
  agent?: http.Agent;
};

export type Reply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaders: string[];
  body: Buffer;
  text: string;
  json<T = Record<string, unknown>>(): T;
  /** Every value sent under a header name (a name may repeat). */
  all(name: string): string[];
};

/** The Host header a trigger URL calls for (port included). */
/** The SDK's error for a failed call: its code and HTTP status. */
export async function sdkFailure(promise: Promise<unknown>): Promise<{ code?: string; statusCode?: number }> {
  try {
    await promise;
  } catch (error) {
    const { code, statusCode } = error as { code?: string; statusCode?: number };
    return { code, statusCode };
  }
  throw new Error('the call succeeded');
}

export const hostOf = (url: string) => new URL(url).host;

/** One request to a trigger URL over a fresh connection to the engine's loopback port. */
export function call(url: string, options: CallOptions = {}): Promise<Reply> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers: Record<string, string | string[]> = { host: target.host, ...options.headers };
    if (body && !options.chunked) headers['content-length'] = String(body.length);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: Number(target.port),
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers,
        agent: options.agent ?? false,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(reply(res, Buffer.concat(chunks))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body && options.chunked) req.write(body);
    req.end(options.chunked ? undefined : body);
  });
}

function reply(res: http.IncomingMessage, body: Buffer): Reply {
  const text = body.toString('utf8');
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    rawHeaders: res.rawHeaders,
    body,
    text,
    json: <T>() => JSON.parse(text) as T,
    all: (name) =>
      pairsOf(res.rawHeaders)
        .filter(([n]) => n.toLowerCase() === name)
        .map(([, v]) => v),
  };
}

function pairsOf(raw: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

/** FC_ENGINE_GATEWAYS=2 runs the suite with a gateway process; unset, one process (unless a test asks). */
const gatewaysFromEnv = (): number =>
  loadEngineConfig({ FC_ENGINE_GATEWAYS: process.env.FC_ENGINE_GATEWAYS || '1' }).gateways!;

/** FC_ENGINE_SANDBOX=off runs the suite without isolation, as on a machine without bubblewrap. */
export const sandboxMode = (): SandboxMode => (process.env.FC_ENGINE_SANDBOX === 'off' ? 'off' : 'auto');

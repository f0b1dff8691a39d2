import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import FC, * as $FC from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { strToU8, zipSync } from 'fflate';
import { loadEngineConfig, type SandboxMode } from '../src/engine/config';
import { startLocalEngine, type LocalEngine } from '../src/engine/local-engine';
import { LOCAL_DEFAULTS } from '../src/contract/local-defaults';

// Node's ESM loader hands the CJS module object as the default import; bundlers hand the class.
const FcClient = ((FC as unknown as { default?: typeof FC }).default ?? FC) as typeof FC;
type FcClientInstance = InstanceType<typeof FcClient>;

/** What the function answers and what the bare baseline server answers too. */
export const RESPONSE_BODY = 'hello from the bench';
export const RESPONSE_TYPE = 'text/plain; charset=utf-8';

/** An event function answering RESPONSE_BODY; `revision` makes each deploy new code. */
export function functionZip(revision: string): string {
  const source = [
    `// revision ${revision}`,
    'exports.handler = async () => ({',
    `  statusCode: 200, headers: { 'content-type': ${JSON.stringify(RESPONSE_TYPE)} }, body: ${JSON.stringify(RESPONSE_BODY)},`,
    '});',
    '',
  ].join('\n');
  return Buffer.from(zipSync({ 'index.js': strToU8(source) })).toString('base64');
}

/** A web function (custom runtime) answering RESPONSE_BODY: its own http server, as the proxy baseline's upstream. */
function webFunctionZip(): string {
  const source = [
    `require('node:http').createServer((req, res) => {`,
    '  req.resume();',
    `  req.on('end', () => res.writeHead(200, { 'content-type': ${JSON.stringify(RESPONSE_TYPE)} }).end(${JSON.stringify(RESPONSE_BODY)}));`,
    `}).listen(Number(process.env.FC_SERVER_PORT), '127.0.0.1');`,
    '',
  ].join('\n');
  return Buffer.from(zipSync({ 'server.js': strToU8(source) })).toString('base64');
}

/**
 * What the bench deploys: a Node.js event function (one request per instance, as FC runs them), or
 * a web function serving `instanceConcurrency` requests at once in one instance.
 */
export type BenchFunction = { kind: 'event' } | { kind: 'web'; instanceConcurrency: number };
const EVENT: BenchFunction = { kind: 'event' };

function functionInput(functionName: string, shape: BenchFunction): $FC.CreateFunctionInput {
  if (shape.kind === 'event')
    return new $FC.CreateFunctionInput({
      functionName,
      runtime: 'nodejs20',
      handler: 'index.handler',
      code: new $FC.InputCodeLocation({ zipFile: functionZip('1') }),
    });
  return new $FC.CreateFunctionInput({
    functionName,
    runtime: 'custom.debian10',
    handler: 'index.handler',
    instanceConcurrency: shape.instanceConcurrency,
    customRuntimeConfig: new $FC.CustomRuntimeConfig({ command: ['node'], args: ['server.js'], port: 9000 }),
    code: new $FC.InputCodeLocation({ zipFile: webFunctionZip() }),
  });
}

export type BenchEngine = {
  engine: LocalEngine;
  /** The engine's data dir (a temp dir, removed by close). */
  dataDir: string;
  /** Creates a function (a Node.js event function unless told) with an anonymous HTTP trigger; answers the trigger's Host header. */
  deploy(functionName: string, shape?: BenchFunction): Promise<string>;
  /** Deploys new code to an existing function (the next invocation is a cold start). */
  updateCode(functionName: string, revision: string): Promise<void>;
  close(): Promise<void>;
};

/**
 * The real engine as `npm start` runs it, on port 0 in a temp data dir, driven by the official SDK;
 * `env` is parsed as the engine's environment is (e.g. the recording's variables); the gateway
 * processes are the shell's FC_ENGINE_GATEWAYS unless `env` says (decision 044).
 */
export async function startBenchEngine(
  sandbox: SandboxMode = 'auto',
  env: Record<string, string> = {},
): Promise<BenchEngine> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-bench-'));
  const config = {
    ...loadEngineConfig({ FC_ENGINE_GATEWAYS: process.env.FC_ENGINE_GATEWAYS, ...env }),
    dataDir,
    host: '127.0.0.1',
    port: 0,
    region: LOCAL_DEFAULTS.region,
    credentialOverrides: {},
    sandbox,
  };
  // The 499 notes are autocannon hanging up at the end of each run, not news.
  const engine = await startLocalEngine(config, { log: () => {}, warn: () => {} });
  const client: FcClientInstance = new FcClient(
    new $OpenApiUtil.Config({
      accessKeyId: engine.credentials.accessKeyId,
      accessKeySecret: engine.credentials.accessKeySecret,
      endpoint: `127.0.0.1:${engine.port}`,
      protocol: 'http',
    }),
  );

  async function deploy(functionName: string, shape = EVENT): Promise<string> {
    await client.createFunction(new $FC.CreateFunctionRequest({ body: functionInput(functionName, shape) }));
    const trigger = await client.createTrigger(
      functionName,
      new $FC.CreateTriggerRequest({
        body: new $FC.CreateTriggerInput({
          triggerName: 'http',
          triggerType: 'http',
          triggerConfig: JSON.stringify({
            methods: ['GET', 'POST'],
            authType: 'anonymous',
            disableURLInternet: false,
          }),
        }),
      }),
    );
    return new URL(trigger.body!.httpTrigger!.urlInternet!).host;
  }

  async function updateCode(functionName: string, revision: string): Promise<void> {
    await client.updateFunction(
      functionName,
      new $FC.UpdateFunctionRequest({
        body: new $FC.UpdateFunctionInput({
          code: new $FC.InputCodeLocation({ zipFile: functionZip(revision) }),
        }),
      }),
    );
  }

  return {
    engine,
    dataDir,
    deploy,
    updateCode,
    close: async () => {
      await engine.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

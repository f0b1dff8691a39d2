#!/usr/bin/env node
/**
 * `fc-console`: the console (SPA + bff) and the embedded engine together, or either alone.
 *   fc-console                 console on :3000, engine on :3001
 *   fc-console --engine-only   the engine alone (OpenAPI + trigger URLs)
 *   fc-console --console-only  the console alone (against the engine or Alibaba Cloud)
 *   fc-console --dev           also the Vite dev server with hot reload on :5173
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEV_SERVER_PORT, parseConsoleEnv } from './bff/config';
import { accessFromEnv, isLoopbackAddress } from './bff/security/access-settings';
import { startBff } from './bff/server';
import { loadEngineConfig } from './engine/config';
import { startLocalEngine } from './engine/local-engine';

const root = fileURLToPath(new URL('..', import.meta.url));
const usage = 'usage: fc-console [--engine-only | --console-only] [--dev]';

async function main() {
  // Everything written under the data dir (keys, databases, code) is the user's alone.
  process.umask(0o077);
  const { values } = parseArgs({
    options: {
      'engine-only': { type: 'boolean', default: false },
      'console-only': { type: 'boolean', default: false },
      dev: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return console.log(usage);
  const closers: Array<() => Promise<void>> = [];
  const withConsole = !values['engine-only'];
  const env = withConsole ? parseConsoleEnv(process.env) : undefined;
  // Before anything starts: an unprotected non-loopback address stops here with what to set.
  const access = env && accessFromEnv(env);
  if (access?.warning) console.warn(access.warning);

  if (!values['console-only']) {
    const engine = await startLocalEngine(loadEngineConfig(process.env));
    closers.push(() => engine.close());
    console.log(`Function Compute engine: ${engine.url} (region ${engine.region})`);
    if (engine.httpsPort !== undefined) console.log(`  Custom domains over HTTPS on port ${engine.httpsPort}`);
    if (engine.gatewayPids.length > 0)
      console.log(`  Served by ${engine.gatewayPids.length + 1} processes (FC_ENGINE_GATEWAYS; 1 for a single one)`);
  }

  if (env && access) {
    const staticDir = `${root}dist/web`;
    const bff = await startBff({
      staticDir: existsSync(`${staticDir}/index.html`) ? staticDir : undefined,
      access,
      devPort: values.dev ? DEV_SERVER_PORT : undefined,
    });
    closers.push(() => bff.close());
    console.log(`Console: ${bff.openUrl}`);
    if (!isLoopbackAddress(env.FC_CONSOLE_HOST))
      console.log(
        `  Listening on ${env.FC_CONSOLE_HOST}: from another machine use this machine's IP address in the link; a host name must be listed in FC_CONSOLE_ALLOWED_HOSTS.`,
      );
    if (values.dev) closers.push(startViteDevServer(env.FC_CONSOLE_PORT));
  }

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await Promise.allSettled(closers.reverse().map((close) => close()));
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

function startViteDevServer(bffPort: number): () => Promise<void> {
  // --strictPort: on another port the bff, which answers only the ports it knows, would refuse the dev server's calls.
  const args = ['--host', '127.0.0.1', '--port', String(DEV_SERVER_PORT), '--strictPort'];
  const vite: ChildProcess = spawn(`${root}node_modules/.bin/vite`, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FC_CONSOLE_PORT: String(bffPort) },
  });
  return async () => void vite.kill('SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

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
import { parseConsoleEnv } from './bff/config';
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

  if (!values['console-only']) {
    const engine = await startLocalEngine(loadEngineConfig(process.env));
    closers.push(() => engine.close());
    console.log(`Function Compute engine: ${engine.url} (region ${engine.region})`);
  }

  if (!values['engine-only']) {
    const env = parseConsoleEnv(process.env);
    const staticDir = `${root}dist/web`;
    const bff = await startBff({ staticDir: existsSync(`${staticDir}/index.html`) ? staticDir : undefined });
    closers.push(() => bff.close());
    console.log(`Console: ${bff.url}`);
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
  const vite: ChildProcess = spawn(`${root}node_modules/.bin/vite`, ['--host', '127.0.0.1'], {
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

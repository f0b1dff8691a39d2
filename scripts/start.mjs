#!/usr/bin/env node
// `npm start`: after `npm install` alone, build the console when it is missing or older than its
// sources, then run the console and the engine together (src/cli.ts).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureConsoleBuilt } from './console-build.mjs';

const root = new URL('..', import.meta.url).pathname;

try {
  ensureConsoleBuilt(root, { log: (line) => console.log(line) });
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// One answer to "is dist/web the console as the sources say?", for `npm start`, `npm test` and the bench:
// rebuilt when missing or older than anything it is built from.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['src/web', 'src/contract', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

/** Why dist/web must be built again, or undefined when it is current. */
export function staleReason(root) {
  const index = path.join(root, 'dist/web/index.html');
  if (!fs.existsSync(index)) return 'missing';
  const built = fs.statSync(index).mtimeMs;
  const changed = SOURCES.find((source) => newestMtime(path.join(root, source)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

/** Builds dist/web when stale; returns whether it built. Throws when the build fails. */
export function ensureConsoleBuilt(root, { log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const reason = staleReason(root);
  if (!reason) return false;
  log(`Building the console (${reason})…`);
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status})`);
  return true;
}

import fs from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';

/** The data dir holds keys, secrets and code: only its owner may read it (0700 dirs, 0600 files). */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Create the data dir private, and take group and other bits off everything already in it, so a
 * data dir written by an older version (0755 dirs, 0644 files) is tightened at the next start.
 * Owner bits are kept: extracted code stays executable (0700) for a custom runtime's `bootstrap`.
 * Symbolic links are not followed: their targets are not ours to change.
 */
export function makeDataDirPrivate(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dataDir);
}

function tighten(target: string): void {
  const info = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!info || info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if ((info.mode & 0o777) !== PRIVATE_DIR_MODE) fs.chmodSync(target, PRIVATE_DIR_MODE);
    for (const name of fs.readdirSync(target)) tighten(path.join(target, name));
  } else if (info.mode & 0o077) {
    fs.chmodSync(target, info.mode & 0o700);
  }
}

/**
 * Whatever the engine writes later (stored zips, extracted code, instance dirs) is created private
 * too. A worker thread cannot change the process's umask; its files keep their explicit modes.
 */
export function usePrivateUmask(): void {
  if (isMainThread) process.umask(0o077);
}

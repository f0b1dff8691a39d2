import { execFile } from 'node:child_process';
import path from 'node:path';

const CHECK_MS = 10_000;
/** The system dirs the engine's sandbox shows a function (engine/runtime/sandbox/bwrap.ts): a python3 elsewhere is not seen. */
const SANDBOX_DIRS = ['/usr', '/bin', '/sbin'];

const checked = new Map<boolean, Promise<boolean>>();

/**
 * Whether the python3 a function's `python3 app.py` would find imports Flask: the one on PATH, or
 * in the sandbox the one on the PATH entries the sandbox shows. Checked once per process.
 */
export function pythonHasFlask(isolated: boolean): Promise<boolean> {
  let answer = checked.get(isolated);
  if (!answer) {
    answer = importsFlask(pythonSearchPath(isolated));
    checked.set(isolated, answer);
  }
  return answer;
}

/** Where `python3` is looked up: the engine's PATH, or in the sandbox its entries the sandbox shows. */
export function pythonSearchPath(isolated: boolean): string {
  if (!isolated) return process.env.PATH ?? '';
  const entries = (process.env.PATH ?? '').split(path.delimiter);
  return entries
    .filter((dir) => SANDBOX_DIRS.some((system) => dir === system || dir.startsWith(`${system}/`)))
    .join(path.delimiter);
}

function importsFlask(searchPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('python3', ['-c', 'import flask'], { env: { PATH: searchPath }, timeout: CHECK_MS }, (error) =>
      resolve(!error),
    );
  });
}

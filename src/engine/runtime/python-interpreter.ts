import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { PythonStatus } from '../../contract/engine-sandbox';
import { SYSTEM_DIRS } from './sandbox/bwrap';

/** Debian's interpreter first: it lives in /usr, which the sandbox shows every function. */
const PREFERRED = ['/usr/bin/python3', '/usr/local/bin/python3'];
const VERSION_SCRIPT = "import sys; print('%d.%d.%d' % sys.version_info[:3])";
const PROBE_MS = 5000;

export type PythonInterpreter = { found: true; path: string; version: string } | { found: false; reason: string };

/** What the engine says about it: the version, or why Python functions cannot run here (never the path). */
export function pythonStatusOf(interpreter: PythonInterpreter): PythonStatus {
  return interpreter.found ? { found: true, version: interpreter.version } : interpreter;
}

/**
 * The python3 that runs Python event functions: the first that exists, runs and is Python 3. A
 * sandboxed function sees only the system dirs, so an interpreter elsewhere (a pyenv shim under
 * the user's home) is passed over there: the function could not start it.
 */
export async function findPython(options: {
  sandboxed: boolean;
  /** Where to look, in order; Debian's python3, then PATH's, unless told. */
  candidates?: string[];
}): Promise<PythonInterpreter> {
  const seen = new Set<string>();
  const skipped: string[] = [];
  for (const candidate of options.candidates ?? candidates()) {
    let real: string;
    try {
      real = fs.realpathSync(candidate);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    if (options.sandboxed && !SYSTEM_DIRS.some((dir) => real.startsWith(`${dir}/`))) {
      skipped.push(candidate);
      continue;
    }
    const version = await versionOf(real);
    if (version?.startsWith('3.')) return { found: true, path: real, version };
  }
  const outside = skipped.length ? ` (${skipped.join(', ')} is outside what the sandbox shows a function)` : '';
  return {
    found: false,
    reason: `No python3 interpreter the engine can run functions with${outside}: install python3 (Debian: apt-get install python3)`,
  };
}

function candidates(): string[] {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...PREFERRED, ...onPath.map((dir) => path.join(dir, 'python3'))];
}

function versionOf(file: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, ['-I', '-c', VERSION_SCRIPT], { timeout: PROBE_MS, env: {} }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim()),
    );
  });
}

const found = new Map<boolean, Promise<PythonInterpreter>>();

/** Looked up once per process, the first time a Python function starts or the engine is asked. */
export function defaultPython(options: { sandboxed: boolean }): Promise<PythonInterpreter> {
  let lookup = found.get(options.sandboxed);
  if (!lookup) found.set(options.sandboxed, (lookup = findPython(options)));
  return lookup;
}

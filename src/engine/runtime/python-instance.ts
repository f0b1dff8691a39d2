import { fileURLToPath } from 'node:url';
import type { EventRunner } from './node-instance';

const PYTHON_RUNNER_PATH = fileURLToPath(new URL('./python-runner.py', import.meta.url));

/** FC's Python runtimes: `def handler(event, context)` in `<file>.py`, run by python-runner.py. */
export function isPythonRuntime(runtime: string): boolean {
  return runtime === 'python3' || runtime.startsWith('python3.');
}

/**
 * A Python event function's program: the machine's python3 running python-runner.py. `-u` keeps its
 * raw output unbuffered; `-B` writes no .pyc into the read-only code; `-s` leaves out the user's
 * site-packages, which the function would see only outside the sandbox.
 */
export function pythonRunner(interpreter: string): EventRunner {
  return {
    path: PYTHON_RUNNER_PATH,
    command: (runner, config) => [interpreter, '-u', '-B', '-s', runner, JSON.stringify(config)],
  };
}

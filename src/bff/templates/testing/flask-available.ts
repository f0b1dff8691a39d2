import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { pythonSearchPath } from '../python-flask-check';

/**
 * Whether a test engine's functions find a python3 with Flask, known before the engine starts (to
 * skip, on a machine without it, what needs it): sandboxed unless FC_ENGINE_SANDBOX=off or no bubblewrap.
 */
export function flaskAvailable(): boolean {
  const isolated =
    process.env.FC_ENGINE_SANDBOX !== 'off' && process.platform === 'linux' && fs.existsSync('/usr/bin/bwrap');
  return spawnSync('python3', ['-c', 'import flask'], { env: { PATH: pythonSearchPath(isolated) } }).status === 0;
}

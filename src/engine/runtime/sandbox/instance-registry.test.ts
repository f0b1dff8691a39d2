import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createInstanceRegistry, reapLeftovers } from './instance-registry';

// Two engine processes (the primary and a gateway process) share `<dataDir>/runtime/instances`.
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function notesDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-instance-registry-'));
  dirs.push(dir);
  return dir;
}

it.runIf(fs.existsSync('/proc/self/stat'))(
  "keeps a live engine's note that is still being written, and removes a gone engine's",
  () => {
    const dir = notesDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    fs.writeFileSync(path.join(dir, `${process.pid}-999999`), '{"engine":{"pid"');
    fs.writeFileSync(path.join(dir, `${gone}-999998`), '{"engine":{"pid"');
    createInstanceRegistry(dir);
    expect(fs.readdirSync(dir)).toEqual([`${process.pid}-999999`]);
  },
);

it.runIf(fs.existsSync('/proc/self/stat'))(
  'stops what a gone engine (a gateway process killed) left running, when the primary reaps',
  async () => {
    const dir = notesDir();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const left = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { detached: true, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => left.once('exit', (_, signal) => resolve(signal)));
    const start = (pid: number) => {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    };
    const note = { engine: { pid: gone, start: '1' }, instance: { pid: left.pid, start: start(left.pid!) } };
    fs.writeFileSync(path.join(dir, `${gone}-${left.pid}`), JSON.stringify(note));
    reapLeftovers(dir);
    expect(await exited).toBe('SIGKILL');
    expect(fs.readdirSync(dir)).toEqual([]);
  },
);

import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const processSchema = z.object({ pid: z.number().int().positive(), start: z.string() });
const noteSchema = z.object({ engine: processSchema, instance: processSchema });
type Recorded = z.infer<typeof noteSchema>;

export type InstanceRegistry = {
  /** Notes a started instance (its process group leader). */
  add(pid: number): void;
  remove(pid: number): void;
};

/**
 * Running instances noted on disk (`<dir>/<enginePid>-<pid>`), so that an engine started after a
 * crash stops what the crashed one left (a sandboxed instance dies with the engine by itself; an
 * unsandboxed web function's process group would not). A note is trusted only while the process
 * it names has the start time it had, so a reused pid is never killed, and only when its engine
 * is gone, so two engines may share a data dir. Without /proc (macOS) nothing can be verified and
 * nothing is killed.
 */
export function createInstanceRegistry(dir: string): InstanceRegistry {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  reapLeftovers(dir);
  const engine = { pid: process.pid, start: startTime(process.pid) };
  const file = (pid: number) => path.join(dir, `${engine.pid}-${pid}`);
  return {
    add(pid) {
      const note: Recorded = { engine, instance: { pid, start: startTime(pid) } };
      fs.writeFileSync(file(pid), JSON.stringify(note), { mode: 0o600 });
    },
    remove(pid) {
      fs.rmSync(file(pid), { force: true });
    },
  };
}

/**
 * Stops the instances noted by engines that are gone, and drops their notes. Run at start, and by
 * the primary when one of its gateway processes died: an unsandboxed web function's process group
 * would outlive it.
 */
export function reapLeftovers(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    const note = readNote(path.join(dir, name));
    if (note && isRunning(note.engine)) continue;
    // Being written by a live engine (a gateway process starts beside the primary): not a leftover.
    if (!note && engineAlive(name)) continue;
    if (note && isRunning(note.instance)) {
      for (const target of [-note.instance.pid, note.instance.pid]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone, or no group of its own
        }
      }
    }
    fs.rmSync(path.join(dir, name), { force: true });
  }
}

function engineAlive(name: string): boolean {
  const enginePid = /^(\d+)-\d+$/.exec(name)?.[1];
  return enginePid !== undefined && startTime(Number(enginePid)) !== '';
}

function isRunning(proc: { pid: number; start: string }): boolean {
  return proc.start !== '' && startTime(proc.pid) === proc.start;
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces): '' when unknown. */
function startTime(pid: number): string {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function readNote(file: string): Recorded | undefined {
  try {
    return noteSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

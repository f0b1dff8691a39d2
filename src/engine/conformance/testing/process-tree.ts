import fs from 'node:fs';

function statusField(pid: number, field: string): string | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(status)?.[1];
  } catch {
    return undefined; // gone
  }
}

/** Whether `pid` runs (a zombie, dead but not yet reaped, does not). */
export function isRunning(pid: number): boolean {
  const state = statusField(pid, 'State');
  return state !== undefined && !state.startsWith('Z');
}

/** Whether `ancestor` is `pid`'s parent, grandparent, and so on. */
export function descendsFrom(pid: number, ancestor: number): boolean {
  for (let at = pid; at > 1;) {
    const parent = Number(statusField(at, 'PPid') ?? 0);
    if (parent === ancestor) return true;
    at = parent;
  }
  return false;
}

/** The running children of `pid` whose command line contains `name`. */
export function childrenNamed(pid: number, name: string): number[] {
  return fs
    .readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((child) => statusField(child, 'PPid') === String(pid) && isRunning(child))
    .filter((child) => {
      try {
        return fs.readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(name);
      } catch {
        return false;
      }
    });
}

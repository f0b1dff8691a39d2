import fs from 'node:fs';

/** Linux's clock ticks per second (USER_HZ): /proc counts CPU time in these. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time, in ms, of this process (the gateway or the proxy) and of the processes it started (instances, upstream);
 * `loop`: of its main thread alone (the event loop), part of `self`.
 */
export type CpuSplit = { self: number; children: number; loop?: number };

function stat(pid: number | string): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile, or not Linux
  }
}

const cpuMs = (fields: string[]) => ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;

function isLoadGenerator(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('load-generator');
  } catch {
    return false;
  }
}

/**
 * User + system CPU time so far of this process and of its descendants but the load generator,
 * read from /proc (undefined elsewhere). An exited descendant's time is lost: call it around a run
 * in which the instances stay up.
 */
export function processCpu(): CpuReading | undefined {
  const own = stat(process.pid);
  if (!own) return undefined;
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = stat(entry);
    if (!fields) continue;
    parents.set(Number(entry), Number(fields[1]));
    times.set(Number(entry), cpuMs(fields));
  }
  const tree = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents)
      if (!tree.has(pid) && tree.has(parent)) {
        tree.add(pid);
        grew = true;
      }
  }
  const children = new Map<number, number>();
  for (const pid of tree) if (pid !== process.pid && !isLoadGenerator(pid)) children.set(pid, times.get(pid) ?? 0);
  const loop = stat(`self/task/${process.pid}`);
  return { self: cpuMs(own), children, ...(loop ? { loop: cpuMs(loop) } : {}) };
}

/** CPU ms so far: this process's, and each descendant's by pid. */
export type CpuReading = { self: number; children: Map<number, number>; loop?: number };

/** CPU ms per request spent between two readings, counting only the processes seen at the first. */
export function cpuPerRequest(
  before: CpuReading | undefined,
  after: CpuReading | undefined,
  requests: number,
): CpuSplit | undefined {
  if (!before || !after || requests === 0) return undefined;
  let children = 0;
  for (const [pid, at] of before.children) children += (after.children.get(pid) ?? at) - at;
  const loop =
    before.loop !== undefined && after.loop !== undefined ? (after.loop - before.loop) / requests : undefined;
  return {
    self: (after.self - before.self) / requests,
    children: children / requests,
    ...(loop !== undefined ? { loop } : {}),
  };
}

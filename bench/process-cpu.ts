import fs from 'node:fs';

/** Linux's clock ticks per second (USER_HZ): /proc counts CPU time in these. */
const TICKS_PER_SECOND = 100;

/**
 * CPU time, in ms, of the gateway (this process, the engine's primary or the proxy, with the engine's gateway
 * processes) and of the other processes it started (instances, upstream); `loop`: of this process's main thread
 * alone (the primary's event loop), part of `self`; `gatewayProcesses`: the engine's gateway processes' part of `self`.
 */
export type CpuSplit = { self: number; children: number; loop?: number; gatewayProcesses?: number };

function stat(pid: number | string): string[] | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // gone meanwhile, or not Linux
  }
}

const cpuMs = (fields: string[]) => ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;

/** What a descendant is, by its command line: the engine's own gateway processes serve what the primary does. */
function kindOf(pid: number): 'load-generator' | 'gateway' | 'other' {
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (cmdline.includes('load-generator')) return 'load-generator';
    return cmdline.includes('gateway-process') ? 'gateway' : 'other';
  } catch {
    return 'other';
  }
}

/**
 * User + system CPU time so far of this process, of the engine's gateway processes among its
 * descendants, and of its other descendants but the load generator, read from /proc (undefined
 * elsewhere). An exited descendant's time is lost: call it around a run in which the instances stay up.
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
  const gateways = new Map<number, number>();
  for (const pid of tree) {
    if (pid === process.pid) continue;
    const kind = kindOf(pid);
    if (kind !== 'load-generator') (kind === 'gateway' ? gateways : children).set(pid, times.get(pid) ?? 0);
  }
  const loop = stat(`self/task/${process.pid}`);
  return { self: cpuMs(own), gateways, children, ...(loop ? { loop: cpuMs(loop) } : {}) };
}

/** CPU ms so far: this process's, and each gateway process's and other descendant's by pid. */
export type CpuReading = {
  self: number;
  gateways: Map<number, number>;
  children: Map<number, number>;
  loop?: number;
};

/** CPU ms spent between two readings by the processes seen at the first. */
function spent(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, at] of before) sum += (after.get(pid) ?? at) - at;
  return sum;
}

/** CPU ms per request spent between two readings, counting only the processes seen at the first. */
export function cpuPerRequest(
  before: CpuReading | undefined,
  after: CpuReading | undefined,
  requests: number,
): CpuSplit | undefined {
  if (!before || !after || requests === 0) return undefined;
  const gatewayProcesses = spent(before.gateways, after.gateways);
  const loop =
    before.loop !== undefined && after.loop !== undefined ? (after.loop - before.loop) / requests : undefined;
  return {
    self: (after.self - before.self + gatewayProcesses) / requests,
    children: spent(before.children, after.children) / requests,
    ...(loop !== undefined ? { loop } : {}),
    ...(before.gateways.size > 0 ? { gatewayProcesses: gatewayProcesses / requests } : {}),
  };
}

import fs from 'node:fs';

/**
 * A process and all its descendants, root first, from Linux's /proc/<pid>/task/<tid>/children. A
 * sandboxed instance's orphans are adopted by its namespace's init, itself a descendant, so the
 * tree holds everything the function started.
 */
export function processTree(root: number): number[] {
  const pids = [root];
  for (let i = 0; i < pids.length; i++) {
    const pid = pids[i]!;
    let threads: string[];
    try {
      threads = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // gone meanwhile
    }
    for (const tid of threads) {
      for (const child of readOr(`/proc/${pid}/task/${tid}/children`).split(' ')) {
        if (child) pids.push(Number(child));
      }
    }
  }
  return pids;
}

/**
 * The memory the processes hold for themselves, in bytes: resident anonymous and shared memory
 * (RssAnon + RssShmem), not the program files they map, which the system shares and can drop.
 */
export function residentBytes(pids: number[]): number {
  let kib = 0;
  for (const pid of pids) {
    const status = readOr(`/proc/${pid}/status`);
    kib += kibOf(status, 'RssAnon:') + kibOf(status, 'RssShmem:');
  }
  return kib * 1024;
}

function kibOf(status: string, field: string): number {
  const at = status.indexOf(field);
  return at < 0 ? 0 : parseInt(status.slice(at + field.length), 10) || 0;
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

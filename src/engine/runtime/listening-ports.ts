import fs from 'node:fs';

const LISTEN = '0A';

/**
 * The TCP ports the processes listen on, from Linux's /proc: the sockets behind their file
 * descriptors matched with the listening sockets of /proc/net/tcp and tcp6 (the sandbox shares the
 * engine's network, so those tables hold them). Empty where /proc cannot tell (not Linux, gone).
 */
export function listeningPorts(pids: number[]): number[] {
  const byInode = listeningSockets();
  if (byInode.size === 0) return [];
  const ports = new Set<number>();
  for (const pid of pids) {
    for (const inode of socketInodes(pid)) {
      const port = byInode.get(inode);
      if (port !== undefined) ports.add(port);
    }
  }
  return [...ports].sort((a, b) => a - b);
}

/** inode → local port of every listening TCP socket of this network namespace. */
function listeningSockets(): Map<string, number> {
  const sockets = new Map<string, number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readOr(table).split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      if (state !== LISTEN || !local || !inode) continue;
      sockets.set(inode, parseInt(local.slice(local.lastIndexOf(':') + 1), 16));
    }
  }
  return sockets;
}

function socketInodes(pid: number): string[] {
  let fds: string[];
  try {
    fds = fs.readdirSync(`/proc/${pid}/fd`);
  } catch {
    return [];
  }
  const inodes: string[] = [];
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.push(match[1]!);
    } catch {
      // closed meanwhile
    }
  }
  return inodes;
}

function readOr(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

import fs from 'node:fs';
import path from 'node:path';
import type { Sandbox } from './sandbox';

export const BWRAP_PATH = '/usr/bin/bwrap';
/** Where the function sees its code, as in FC. */
export const CODE_MOUNT = '/code';
/** Where a runner file (node-runner.cjs, python-runner.py) is seen, under its own name. */
const RUNNER_DIR = '/var/fc/runtime';
/** The private /tmp is memory: bounded like FC's default 512 MB disk. */
const TMP_BYTES = 512 * 1024 * 1024;

/** Mirrored read-only into every sandbox: what a function's interpreter must live under. */
export const SYSTEM_DIRS = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
/** What programs read from /etc to resolve names, speak TLS, find users and shared libraries. */
const ETC_ENTRIES = [
  'resolv.conf',
  'hosts',
  'host.conf',
  'nsswitch.conf',
  'gai.conf',
  'passwd',
  'group',
  'localtime',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'alternatives',
  'ssl',
  'ca-certificates',
  'ca-certificates.conf',
  'pki',
  'crypto-policies',
  'mime.types',
];

export type BwrapOptions = { bwrap?: string; tmpfsSize: boolean };

/**
 * Functions in bubblewrap: a private PID namespace (killing the instance kills all it started,
 * and it sees no other process), IPC and UTS namespaces, the network shared. The file system is
 * an empty tmpfs with the system dirs, a few /etc files and the Node install read-only, its code
 * read-only at /code, a private /tmp, its own /proc and a minimal /dev. No capability survives,
 * even when the engine runs as root. The environment is the spawn's own (the function's only),
 * not --setenv arguments, which any local user could read in the process list.
 */
export function bwrapSandbox(options: BwrapOptions): Sandbox {
  const fixed = fixedArgs(options.tmpfsSize);
  return {
    status: { isolated: true, tool: 'bubblewrap' },
    plan(launch) {
      const args = [...fixed, '--ro-bind', launch.codeDir, CODE_MOUNT];
      const runner = `${RUNNER_DIR}/${path.basename(launch.runner ?? 'none')}`;
      if (launch.runner) args.push('--ro-bind', launch.runner, runner);
      args.push('--chdir', CODE_MOUNT, '--', ...launch.command({ codeDir: CODE_MOUNT, runner }));
      return { file: options.bwrap ?? BWRAP_PATH, args, cwd: '/', env: launch.env };
    },
  };
}

function fixedArgs(tmpfsSize: boolean): string[] {
  // --as-pid-1: the function's main process is its namespace's init, so the instance ends exactly
  // when it does, and bubblewrap forks one process less per cold start. No cgroup namespace: it
  // cost a measurable share of the cold start (npm run bench) and hides nothing a function needs.
  const args = ['--unshare-pid', '--as-pid-1', '--unshare-ipc', '--unshare-uts', '--die-with-parent', '--new-session'];
  args.push('--cap-drop', 'ALL', '--hostname', 'fc-instance');
  for (const dir of SYSTEM_DIRS) args.push(...mirror(dir));
  // A bind resolves a symlinked /etc entry (resolv.conf → /run/...) to its target.
  for (const entry of ETC_ENTRIES.map((name) => path.join('/etc', name)).filter((file) => fs.existsSync(file))) {
    args.push('--ro-bind', entry, entry);
  }
  const prefix = nodePrefix();
  if (!SYSTEM_DIRS.some((dir) => prefix === dir || prefix.startsWith(`${dir}/`))) {
    args.push('--ro-bind', prefix, prefix);
  }
  args.push('--proc', '/proc', '--dev', '/dev');
  if (tmpfsSize) args.push('--size', String(TMP_BYTES));
  args.push('--tmpfs', '/tmp');
  return args;
}

/** The same path inside: a symlink stays a symlink (merged /usr: /bin → usr/bin), a dir is bound read-only. */
function mirror(target: string): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return [];
  }
  return stat.isSymbolicLink() ? ['--symlink', fs.readlinkSync(target), target] : ['--ro-bind', target, target];
}

/** The Node install the runner and a custom runtime's `node` come from (`<prefix>/bin/node`). */
function nodePrefix(): string {
  return path.dirname(path.dirname(fs.realpathSync(process.execPath)));
}

import os from 'node:os';

/** Whether functions run isolated from the engine; the console shows a warning when they do not. */
export type SandboxStatus = { isolated: true; tool: 'bubblewrap' } | { isolated: false; reason: string };

/** What an instance runs, in the function's own view of the file system. */
export type InstanceLaunch = {
  /** The function's code on the engine's disk. */
  codeDir: string;
  /** The node runner file on the engine's disk, for a Node.js event function; bound read-only inside. */
  runner?: string;
  /** The command, given where the function sees its code dir and the runner. */
  command: (seen: { codeDir: string; runner: string }) => string[];
  /** The function's whole environment: nothing of the engine's is added. */
  env: Record<string, string>;
};

/** How to spawn it: always in a process group of its own, so that a kill reaches all it started. */
export type SpawnPlan = { file: string; args: string[]; cwd: string; env: Record<string, string> };

export type Sandbox = {
  readonly status: SandboxStatus;
  plan(launch: InstanceLaunch): SpawnPlan;
};

export { NOT_ISOLATED_WARNING } from '../../../contract/engine-sandbox';

/**
 * No isolation (not Linux, bubblewrap missing or broken, or FC_ENGINE_SANDBOX=off): the function
 * runs as the engine's user and could read what the user can. What still holds: its environment
 * is its own (child-env.ts), and a Node.js function's working directory is outside the data dir
 * (it loads its code by absolute path). A web function's start command is relative to its code
 * dir, so it keeps that as its working directory.
 */
export function unsandboxed(reason: string): Sandbox {
  return {
    status: { isolated: false, reason },
    plan(launch) {
      const [file = '', ...args] = launch.command({ codeDir: launch.codeDir, runner: launch.runner ?? '' });
      return { file, args, cwd: launch.runner ? os.tmpdir() : launch.codeDir, env: launch.env };
    },
  };
}

/** SIGKILLs the process group an instance leads: false when there is none (it is gone already). */
export function killGroup(pid: number): boolean {
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

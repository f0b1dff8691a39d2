import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { SandboxMode } from '../../config';
import { BWRAP_PATH, bwrapSandbox } from './bwrap';
import { unsandboxed, type Sandbox } from './sandbox';

const SELF_TEST_MS = 5000;

/**
 * The sandbox this machine offers: bubblewrap when it is installed and passes a quick self-test
 * (it may be present yet refused, by a kernel without user namespaces or a container's seccomp
 * profile), else none, with the reason.
 */
export async function detectSandbox(mode: SandboxMode = 'auto', bwrap = BWRAP_PATH): Promise<Sandbox> {
  return sandboxOf(await detectSandboxChoice(mode, bwrap));
}

/**
 * What detection chose, as plain data: a gateway process (decision 044) is told the primary's choice and
 * builds the same sandbox from it, never testing again (a self-test failing there under load would
 * run its share of the functions unisolated while the primary reports them isolated).
 */
export type SandboxChoice = { bwrap: string; tmpfsSize: boolean } | { unsandboxed: string };

export function sandboxOf(choice: SandboxChoice): Sandbox {
  return 'unsandboxed' in choice ? unsandboxed(choice.unsandboxed) : bwrapSandbox(choice);
}

export async function detectSandboxChoice(mode: SandboxMode = 'auto', bwrap = BWRAP_PATH): Promise<SandboxChoice> {
  if (mode === 'off') return { unsandboxed: 'FC_ENGINE_SANDBOX=off' };
  if (process.platform !== 'linux')
    return { unsandboxed: `bubblewrap runs on Linux only (this is ${process.platform})` };
  if (!fs.existsSync(bwrap)) return { unsandboxed: `bubblewrap is not installed (${bwrap} is missing)` };
  // --size for the /tmp tmpfs came with bubblewrap 0.7: older ones run without the cap.
  let failure = '';
  for (const tmpfsSize of [true, false]) {
    failure = await selfTest(bwrapSandbox({ bwrap, tmpfsSize }));
    if (!failure) return { bwrap, tmpfsSize };
  }
  return { unsandboxed: `bubblewrap failed its self-test: ${failure}` };
}

let detected: Promise<Sandbox> | undefined;

/** Detected once per process: what a pool uses when its caller did not choose. */
export function defaultSandbox(): Promise<Sandbox> {
  return (detected ??= detectSandbox());
}

/** Runs `node --version` inside, with an empty code dir: '' when it works, else why not. */
async function selfTest(sandbox: Sandbox): Promise<string> {
  const codeDir = fs.mkdtempSync(`${os.tmpdir()}/fc-sandbox-test-`);
  try {
    const plan = sandbox.plan({ codeDir, env: {}, command: () => [process.execPath, '--version'] });
    return await new Promise<string>((resolve) => {
      execFile(
        plan.file,
        plan.args,
        { cwd: plan.cwd, env: plan.env, timeout: SELF_TEST_MS },
        (error, stdout, stderr) => {
          if (!error && stdout.startsWith('v')) resolve('');
          else resolve((stderr.trim().split('\n')[0] ?? '') || (error?.message ?? 'no output'));
        },
      );
    });
  } finally {
    fs.rmSync(codeDir, { recursive: true, force: true });
  }
}

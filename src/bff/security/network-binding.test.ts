import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../contract/testing/free-port';

// `fc-console --console-only` as a user starts it, with FC_CONSOLE_HOST=0.0.0.0.
const cli = path.resolve(import.meta.dirname, '../../cli.ts');
let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Start the CLI; resolves with its output once it prints `Console:` or exits. */
function startConsole(env: Record<string, string>): Promise<{ output: string; exitCode: number | null }> {
  dataDir = mkdtempSync(path.join(tmpdir(), 'fc-console-bind-'));
  writeFileSync(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify({ accountId: '1234', accessKeyId: 'LTAIkey', accessKeySecret: 'secret' }),
  );
  const started = spawn(process.execPath, ['--import', 'tsx', cli, '--console-only'], {
    env: { ...process.env, FC_CONSOLE_DATA: dataDir, FC_CONSOLE_HOST: '0.0.0.0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (/Console: \S+/.test(output)) resolve({ output, exitCode: null });
    };
    started.stdout.on('data', onData);
    started.stderr.on('data', onData);
    started.once('exit', (code) => resolve({ output, exitCode: code }));
  });
}

// Each case starts the CLI under tsx: seconds on a busy machine.
describe('binding the console to a non-loopback address', { timeout: 60_000 }, () => {
  it('without FC_CONSOLE_AUTH it refuses to start and says what to set', async () => {
    const { output, exitCode } = await startConsole({ FC_CONSOLE_PORT: String(await freePort()) });
    expect(exitCode).toBe(1);
    expect(output).toMatch(/Refusing to start: FC_CONSOLE_HOST=0\.0\.0\.0/);
    expect(output).toMatch(/FC_CONSOLE_AUTH=token/);
    expect(output).toMatch(/FC_CONSOLE_AUTH=none/);
  });

  it('with FC_CONSOLE_AUTH=token it prints a link whose token opens the console, and nothing opens it without', async () => {
    const port = await freePort();
    const { output } = await startConsole({ FC_CONSOLE_PORT: String(port), FC_CONSOLE_AUTH: 'token' });
    const link = /Console: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{43})\s/.exec(output)?.[1];
    expect(link, output).toBeDefined();

    const api = `http://127.0.0.1:${port}/api/settings`;
    const refused = await fetch(api);
    expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([401, 'ConsoleTokenRequired']);
    const signIn = await fetch(link as string);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';', 1)[0] ?? '';
    const settings = await fetch(api, { headers: { cookie } });
    expect(settings.status).toBe(200);
    expect(await settings.json()).toMatchObject({ mode: 'local', accountId: '1234' });
  });

  it('with FC_CONSOLE_AUTH=none it starts open, after a warning', async () => {
    const port = await freePort();
    const { output } = await startConsole({ FC_CONSOLE_PORT: String(port), FC_CONSOLE_AUTH: 'none' });
    expect(output).toMatch(/Warning: FC_CONSOLE_AUTH=none and FC_CONSOLE_HOST=0\.0\.0\.0/);
    expect((await fetch(`http://127.0.0.1:${port}/api/settings`)).status).toBe(200);
  });
});

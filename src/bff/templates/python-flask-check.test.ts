import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pythonHasFlask, pythonSearchPath } from './python-flask-check';

afterEach(() => vi.unstubAllEnvs());

describe("the check of the machine's python3 for Flask", () => {
  it('looks, for a sandboxed function, only where the sandbox shows it programs', () => {
    vi.stubEnv('PATH', '/root/.pyenv/shims:/home/me/bin:/usr/local/bin:/usr/bin:/bin:/opt/python/bin');
    expect(pythonSearchPath(true)).toBe('/usr/local/bin:/usr/bin:/bin');
    expect(pythonSearchPath(false)).toBe(
      '/root/.pyenv/shims:/home/me/bin:/usr/local/bin:/usr/bin:/bin:/opt/python/bin',
    );
  });

  it('answers as python3 itself does', async () => {
    const imports = spawnSync('python3', ['-c', 'import flask']).status === 0;
    expect(await pythonHasFlask(false)).toBe(imports);
  });
});

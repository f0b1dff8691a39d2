import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { findPython } from './python-interpreter';
import { makeTempDir } from './testing/runtime-fixtures';

const temp = makeTempDir();
afterAll(temp.cleanup);

/** A python3 outside the system dirs, as a pyenv shim under the user's home is. */
function shimOutsideSystemDirs(): string {
  const shim = path.join(temp.dir, 'python3');
  fs.writeFileSync(shim, '#!/bin/sh\nexec /usr/bin/python3 "$@"\n', { mode: 0o755 });
  return shim;
}

it.skipIf(!fs.existsSync('/usr/bin/python3'))("prefers Debian's python3 and names its version", async () => {
  const version = execFileSync('/usr/bin/python3', ['--version']).toString().trim().replace('Python ', '');
  expect(await findPython({ sandboxed: true })).toEqual({
    found: true,
    path: fs.realpathSync('/usr/bin/python3'),
    version,
  });
});

it('passes over an interpreter the sandbox cannot show a function, and says why none is left', async () => {
  const shim = shimOutsideSystemDirs();
  const found = await findPython({ sandboxed: true, candidates: [shim, path.join(temp.dir, 'missing')] });
  expect(found).toEqual({ found: false, reason: expect.stringContaining(`${shim} is outside what the sandbox shows`) });
  expect(found.found || found.reason).toContain('install python3');
});

it('takes that interpreter when functions are not sandboxed', async () => {
  const found = await findPython({ sandboxed: false, candidates: [shimOutsideSystemDirs()] });
  expect(found).toMatchObject({ found: true, version: expect.stringMatching(/^3\.\d+\.\d+$/) });
});

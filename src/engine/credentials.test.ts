import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { credentialsPath, loadCredentials } from './credentials';

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fc-engine-cred-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('loadCredentials', () => {
  it('generates Alibaba-shaped keys on first start into a 0600 file, then reuses them', () => {
    const dir = path.join(tempDir(), 'nested');
    const first = loadCredentials(dir);
    expect(first.accountId).toMatch(/^[1-9][0-9]{15}$/);
    expect(first.accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
    expect(first.accessKeySecret).toMatch(/^[A-Za-z0-9]{30}$/);
    expect(fs.statSync(credentialsPath(dir)).mode & 0o777).toBe(0o600);
    expect(loadCredentials(dir)).toEqual(first);
    expect(loadCredentials(tempDir())).not.toEqual(first);
  });

  it('lets the environment override each key without rewriting the file', () => {
    const dir = tempDir();
    const stored = loadCredentials(dir);
    const overridden = loadCredentials(dir, { accessKeySecret: 'fromEnvSecret123', accountId: '42' });
    expect(overridden).toEqual({ ...stored, accessKeySecret: 'fromEnvSecret123', accountId: '42' });
    expect(JSON.parse(fs.readFileSync(credentialsPath(dir), 'utf8'))).toEqual(stored);
  });

  it('refuses a broken credentials file instead of silently replacing the keys', () => {
    const dir = tempDir();
    fs.writeFileSync(credentialsPath(dir), '{"accountId": 1');
    expect(() => loadCredentials(dir)).toThrow(/not a valid credentials file/);
  });
});

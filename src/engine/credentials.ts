import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { credentialsFileSchema } from '../contract/environment';
import type { CredentialOverrides } from './config';

export type EngineCredentials = { accountId: string; accessKeyId: string; accessKeySecret: string };

const DIGITS = '0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Shaped like Alibaba Cloud's own: a 16-digit account, an `LTAI` key id, a 30-character secret. */
export function generateCredentials(): EngineCredentials {
  return {
    accountId: randomString('123456789', 1) + randomString(DIGITS, 15),
    accessKeyId: 'LTAI' + randomString(ALNUM, 20),
    accessKeySecret: randomString(ALNUM, 30),
  };
}

export function credentialsPath(dataDir: string): string {
  return path.join(dataDir, 'credentials.json');
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Written whole to a temp file, then linked into place: a second starter reads the winner's keys. */
function createCredentialsFile(file: string): EngineCredentials {
  const fresh = generateCredentials();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(fresh, null, 2) + '\n', { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
    return fresh;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return credentialsFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * The local account: read from `<dataDir>/credentials.json`, or generated and saved there (mode
 * 0600) on first start. Overrides from the environment win but are not written to the file.
 */
export function loadCredentials(dataDir: string, overrides: CredentialOverrides = {}): EngineCredentials {
  const file = credentialsPath(dataDir);
  let stored: EngineCredentials;
  if (fs.existsSync(file)) {
    // A file from an older version may be readable by others: the keys are the owner's alone.
    fs.chmodSync(file, 0o600);
    const parsed = credentialsFileSchema.safeParse(readJson(file));
    if (!parsed.success) throw new Error(`${file} is not a valid credentials file; delete it to generate new keys.`);
    stored = parsed.data;
  } else {
    stored = createCredentialsFile(file);
  }
  return {
    accountId: overrides.accountId ?? stored.accountId,
    accessKeyId: overrides.accessKeyId ?? stored.accessKeyId,
    accessKeySecret: overrides.accessKeySecret ?? stored.accessKeySecret,
  };
}

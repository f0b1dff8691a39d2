import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type StoredCode = { checksum: string; size: number };

export function codeDir(dataDir: string): string {
  return path.join(dataDir, 'code');
}

/**
 * FC's codeChecksum is a CRC-64 of the zip; the engine uses the SHA-256 hex instead (Node has it
 * built in, and it is collision-safe as a file name). Clients only compare checksums, never compute them.
 */
export function codeChecksum(zip: Uint8Array): string {
  return createHash('sha256').update(zip).digest('hex');
}

export function codePath(dataDir: string, checksum: string): string {
  if (!/^[0-9a-f]{64}$/.test(checksum)) throw new Error('not a code checksum');
  return path.join(codeDir(dataDir), `${checksum}.zip`);
}

/**
 * Save a code zip as `<dataDir>/code/<checksum>.zip`: written to a temp file, flushed, then
 * renamed, so the file is whole before any row names it. Call before the row commits.
 */
export function saveCodeZip(dataDir: string, zip: Uint8Array): StoredCode {
  const checksum = codeChecksum(zip);
  const target = codePath(dataDir, checksum);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(codeDir(dataDir), { recursive: true });
    const tmp = path.join(codeDir(dataDir), `.${checksum}.${randomBytes(6).toString('hex')}.tmp`);
    const fd = fs.openSync(tmp, 'w', 0o600);
    try {
      fs.writeSync(fd, zip);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  }
  return { checksum, size: zip.byteLength };
}

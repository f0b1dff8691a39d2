import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCodeDir } from './code-cache';
import { makeTempDir, writeCodeZip } from './test-support';

const temp = makeTempDir();
afterAll(temp.cleanup);

describe('ensureCodeDir', () => {
  it('extracts the zip once per checksum, nested folders and executable bits included', async () => {
    const root = path.join(temp.dir, 'cache-a');
    const first = writeCodeZip(temp.dir, { 'index.js': 'exports.a = 1', 'lib/util.js': 'x', bootstrap: '#!/bin/sh\n' });
    const sameContent = path.join(temp.dir, 'copy.zip');
    writeFileSync(sameContent, readFileSync(first));

    const [dirA, dirB] = await Promise.all([ensureCodeDir(root, first), ensureCodeDir(root, sameContent)]);
    expect(dirB).toBe(dirA);
    expect(readFileSync(path.join(dirA, 'lib/util.js'), 'utf8')).toBe('x');
    expect(statSync(path.join(dirA, 'bootstrap')).mode & 0o111).not.toBe(0);
    // Only the final dir is left: no temp dir survives.
    expect(readdirSync(root)).toEqual([path.basename(dirA)]);

    const changed = writeCodeZip(temp.dir, { 'index.js': 'exports.a = 2' });
    const dirC = await ensureCodeDir(root, changed);
    expect(dirC).not.toBe(dirA);
    expect(readFileSync(path.join(dirC, 'index.js'), 'utf8')).toBe('exports.a = 2');
  });

  it('refuses a zip whose entries escape the code dir and leaves nothing behind', async () => {
    const root = path.join(temp.dir, 'cache-b');
    const evil = path.join(temp.dir, 'evil.zip');
    writeFileSync(evil, zipSync({ 'ok.js': strToU8('1'), '../escaped.js': strToU8('2') }));
    await expect(ensureCodeDir(root, evil)).rejects.toThrow(/outside its root/);
    expect(readdirSync(root)).toEqual([]);
    expect(() => statSync(path.join(temp.dir, 'escaped.js'))).toThrow();
  });

  it('rejects a file that is not a zip', async () => {
    const notZip = path.join(temp.dir, 'not.zip');
    writeFileSync(notZip, 'hello');
    await expect(ensureCodeDir(path.join(temp.dir, 'cache-c'), notZip)).rejects.toThrow();
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { buildZip, S_IFLNK_RWX, zerosZip } from '../../contract/testing/zip-builders';
import { ensureCodeDir } from './code-cache';
import { makeTempDir, writeCodeZip } from './testing/runtime-fixtures';

const temp = makeTempDir();
afterAll(temp.cleanup);
const CHILD = fileURLToPath(new URL('./extract-child.ts', import.meta.url));
const MB = 1024 * 1024;

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

  it.each([
    [
      'a zip-slip entry',
      zipSync({ 'ok.js': strToU8('1'), '../escaped.js': strToU8('2') }),
      '"../escaped.js" has a .. segment',
    ],
    [
      'a symbolic link',
      buildZip([{ name: 'escaped.js', data: strToU8('/etc/passwd'), mode: S_IFLNK_RWX }]),
      'symbolic link',
    ],
    ['a bomb that lies about its size', zerosZip(64 * MB, 1024), 'expands past the 1 KB'],
  ])('refuses %s stored before the rules existed, and leaves nothing behind', async (_, zip, reason) => {
    const root = path.join(temp.dir, `cache-${reason.length}`);
    const evil = path.join(temp.dir, `evil-${reason.length}.zip`);
    writeFileSync(evil, zip);
    await expect(ensureCodeDir(root, evil)).rejects.toThrow(reason);
    expect(readdirSync(root)).toEqual([]);
    expect(() => statSync(path.join(temp.dir, 'escaped.js'))).toThrow();
  });

  it('rejects a file that is not a zip', async () => {
    const notZip = path.join(temp.dir, 'not.zip');
    writeFileSync(notZip, 'hello');
    await expect(ensureCodeDir(path.join(temp.dir, 'cache-c'), notZip)).rejects.toThrow('not a zip file');
  });

  it('streams a large legal zip to disk without holding its expanded size in memory', () => {
    const expanded = 320 * MB;
    const zipPath = path.join(temp.dir, 'large.zip');
    writeFileSync(zipPath, zerosZip(expanded, expanded, 'model.bin'));
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, path.join(temp.dir, 'cache-large'), zipPath], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    const { dir, rise } = JSON.parse(child.stdout) as { dir: string; rise: number };
    expect(statSync(path.join(dir, 'model.bin')).size).toBe(expanded);
    // What stays in memory is a slice of output or two (~17 MB each), whatever the expanded size.
    expect(rise).toBeLessThan(expanded / 4);
  });

  it('gives two processes extracting the same code at once (gateway processes) the same whole dir', async () => {
    const files = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`lib/m${i}.js`, `exports.n = ${i};`]));
    const zipPath = writeCodeZip(temp.dir, { ...files, 'index.js': 'exports.handler = 1' });
    const root = path.join(temp.dir, 'cache-shared');
    const extractInChild = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, zipPath]);
        let out = '';
        let err = '';
        child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('close', (code) =>
          code === 0 ? resolve((JSON.parse(out) as { dir: string }).dir) : reject(new Error(err)),
        );
      });
    const dirs = await Promise.all([extractInChild(), extractInChild(), ensureCodeDir(root, zipPath)]);
    expect(new Set(dirs).size).toBe(1);
    expect(readdirSync(path.join(dirs[0], 'lib'))).toHaveLength(300);
    expect(readFileSync(path.join(dirs[0], 'lib/m299.js'), 'utf8')).toBe('exports.n = 299;');
    expect(readdirSync(root)).toEqual([path.basename(dirs[0])]);
  }, 60_000);
});

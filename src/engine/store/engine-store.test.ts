import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openEngineStore, type EngineStore } from './engine-store';
import { deleteFunction, insertFunction, updateFunction } from './functions-store';
import { createAlias } from './aliases-store';
import { anonymousGet, nodeSettings, tempDataDir, zipOf } from './store-fixtures';
import { createTrigger } from './triggers-store';
import { publishVersion } from './versions-store';

let store: EngineStore | undefined;
const dirs: string[] = [];
afterEach(() => {
  store?.close();
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

function tempDir() {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

function open(dataDir = tempDir()) {
  store = openEngineStore(dataDir);
  return store;
}

describe('openEngineStore', () => {
  it('keeps the database in WAL mode with synchronous=FULL, and migrates once', () => {
    const dataDir = tempDir();
    const s = open(dataDir);
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('synchronous', { simple: true })).toBe(2);
    s.close();
    const again = open(dataDir);
    expect(again.db.prepare('SELECT id FROM migrations').all()).toEqual([{ id: 1 }, { id: 2 }, { id: 10 }]);
  });

  it('saves code as <dataDir>/code/<sha256>.zip, whole and with no temp file left', () => {
    const s = open();
    const zip = zipOf({ 'index.js': 'exports.handler = () => 1' });
    const code = s.saveCode(zip);
    expect(code.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(code.size).toBe(zip.byteLength);
    expect(new Uint8Array(fs.readFileSync(s.codePath(code.checksum)))).toEqual(zip);
    expect(fs.readdirSync(`${s.dataDir}/code`)).toEqual([`${code.checksum}.zip`]);
  });

  it('resolves LATEST to the current config, a version to its snapshot, an alias to its version', () => {
    const s = open();
    const v1Code = s.saveCode(zipOf({ 'index.js': 'v1' }));
    insertFunction(s.db, 'fn', { ...nodeSettings, timeout: 5 }, v1Code);
    publishVersion(s.db, 'fn', 'first');
    createAlias(s.db, 'fn', 'prod', { versionId: '1' });
    const v2Code = s.saveCode(zipOf({ 'index.js': 'v2' }));
    updateFunction(s.db, 'fn', { timeout: 9 }, v2Code);

    expect(s.resolveQualifier('fn')).toMatchObject({ timeout: 9, codeChecksum: v2Code.checksum, qualifier: 'LATEST' });
    expect(s.resolveQualifier('fn', '1')).toMatchObject({ timeout: 5, codeChecksum: v1Code.checksum, versionId: '1' });
    expect(s.resolveQualifier('fn', 'prod')).toMatchObject({
      timeout: 5,
      codeChecksum: v1Code.checksum,
      versionId: '1',
    });
    expect(s.resolveQualifier('fn', '2')).toBeUndefined();
    expect(s.resolveQualifier('fn', 'staging')).toBeUndefined();
    expect(s.resolveQualifier('nope')).toBeUndefined();
  });

  it('finds a trigger by its URL label, case-insensitively, and forgets it with its function', () => {
    const s = open();
    insertFunction(s.db, 'My_Fn', nodeSettings, s.saveCode(zipOf({ 'index.js': '' })));
    const trigger = createTrigger(s.db, 'My_Fn', {
      triggerName: 'http',
      qualifier: 'LATEST',
      triggerConfig: anonymousGet,
    });
    expect(trigger.urlLabel).toMatch(/^my-fn-[a-z]{10}$/);
    expect(s.findTriggerByUrlLabel(trigger.urlLabel.toUpperCase())).toMatchObject({
      functionName: 'My_Fn',
      triggerName: 'http',
    });
    deleteFunction(s.db, 'My_Fn');
    expect(s.findTriggerByUrlLabel(trigger.urlLabel)).toBeUndefined();
  });

  it('keeps everything across a close and reopen', () => {
    const dataDir = tempDir();
    const s = open(dataDir);
    insertFunction(s.db, 'kept', nodeSettings, s.saveCode(zipOf({ 'index.js': 'x' })));
    const trigger = createTrigger(s.db, 'kept', { triggerName: 't', qualifier: 'LATEST', triggerConfig: anonymousGet });
    s.close();
    const reopened = open(dataDir);
    expect(reopened.findTriggerByUrlLabel(trigger.urlLabel)?.triggerConfig).toEqual({
      methods: ['GET'],
      authType: 'anonymous',
    });
    expect(reopened.resolveQualifier('kept')?.runtime).toBe('nodejs20');
  });
});

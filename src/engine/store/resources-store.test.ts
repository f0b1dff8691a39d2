import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEngineStore, type EngineStore } from './engine-store';
import { createAlias, deleteAlias, getAlias, updateAlias } from './aliases-store';
import { deleteFunction, insertFunction, listFunctions } from './functions-store';
import { anonymousGet, nodeSettings, tempDataDir, zipOf } from './store-fixtures';
import { createTrigger, listTriggers, updateTrigger } from './triggers-store';
import { deleteVersion, listVersions, publishVersion } from './versions-store';

let store: EngineStore;
beforeEach(() => {
  store = openEngineStore(tempDataDir());
  insertFunction(store.db, 'fn', nodeSettings, store.saveCode(zipOf({ 'index.js': '' })));
});
afterEach(() => {
  store.close();
  fs.rmSync(store.dataDir, { recursive: true, force: true });
});

const http = (triggerName: string, qualifier = 'LATEST') => ({ triggerName, qualifier, triggerConfig: anonymousGet });

describe('functions', () => {
  it('refuses a second function of the same name', () => {
    expect(() => insertFunction(store.db, 'fn', nodeSettings, { checksum: 'x', size: 1 })).toThrow(
      expect.objectContaining({ code: 'FunctionAlreadyExists' }),
    );
  });

  it('pages by name with a prefix, treating _ literally', () => {
    for (const name of ['a_1', 'a_2', 'ab', 'b'])
      insertFunction(store.db, name, nodeSettings, { checksum: 'c', size: 1 });
    const first = listFunctions(store.db, { prefix: 'a_', limit: 1 });
    expect(first.items.map((f) => f.functionName)).toEqual(['a_1']);
    const second = listFunctions(store.db, { prefix: 'a_', limit: 1, nextToken: first.nextToken });
    expect(second).toEqual({ items: [expect.objectContaining({ functionName: 'a_2' })] });
  });

  it('deletes its triggers, versions and aliases with it', () => {
    publishVersion(store.db, 'fn', '');
    createAlias(store.db, 'fn', 'prod', { versionId: '1' });
    createTrigger(store.db, 'fn', http('t', 'prod'));
    deleteFunction(store.db, 'fn');
    for (const table of ['triggers', 'versions', 'aliases'])
      expect(store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
  });
});

describe('triggers', () => {
  it('allows one HTTP trigger per qualifier', () => {
    createTrigger(store.db, 'fn', http('first'));
    expect(() => createTrigger(store.db, 'fn', http('second'))).toThrow(
      expect.objectContaining({ code: 'TriggerAlreadyExists', message: expect.stringContaining('qualifier "LATEST"') }),
    );
    publishVersion(store.db, 'fn', '');
    const second = createTrigger(store.db, 'fn', http('second', '1'));
    expect(() => updateTrigger(store.db, 'fn', 'second', { qualifier: 'LATEST' })).toThrow(
      expect.objectContaining({ code: 'TriggerAlreadyExists' }),
    );
    expect(updateTrigger(store.db, 'fn', 'second', { description: 'd' })).toMatchObject({
      qualifier: '1',
      urlLabel: second.urlLabel,
    });
  });

  it('refuses a qualifier that names no version or alias, and a duplicate name', () => {
    expect(() => createTrigger(store.db, 'fn', http('t', '7'))).toThrow(
      expect.objectContaining({ code: 'VersionNotFound' }),
    );
    expect(() => createTrigger(store.db, 'fn', http('t', 'prod'))).toThrow(
      expect.objectContaining({ code: 'AliasNotFound' }),
    );
    createTrigger(store.db, 'fn', http('t'));
    expect(() => createTrigger(store.db, 'fn', http('t'))).toThrow(
      expect.objectContaining({ code: 'TriggerAlreadyExists' }),
    );
    expect(listTriggers(store.db, 'fn', { limit: 20 }).items).toHaveLength(1);
  });
});

describe('versions and aliases', () => {
  it('numbers versions upward and never reuses a deleted id', () => {
    publishVersion(store.db, 'fn', 'one');
    publishVersion(store.db, 'fn', 'two');
    deleteVersion(store.db, 'fn', '2');
    expect(publishVersion(store.db, 'fn', 'three').versionId).toBe('3');
    expect(listVersions(store.db, 'fn', { limit: 20, direction: 'BACKWARD' }).items.map((v) => v.versionId)).toEqual([
      '3',
      '1',
    ]);
  });

  it('keeps a version an alias or a trigger uses', () => {
    publishVersion(store.db, 'fn', '');
    publishVersion(store.db, 'fn', '');
    createAlias(store.db, 'fn', 'prod', { versionId: '1', additionalVersionWeight: { '2': 0.1 } });
    expect(() => deleteVersion(store.db, 'fn', '1')).toThrow(expect.objectContaining({ code: 'ResourceInUse' }));
    expect(() => deleteVersion(store.db, 'fn', '2')).toThrow(expect.objectContaining({ code: 'ResourceInUse' }));
    createTrigger(store.db, 'fn', http('t', 'prod'));
    expect(() => deleteAlias(store.db, 'fn', 'prod')).toThrow(expect.objectContaining({ code: 'ResourceInUse' }));
  });

  it('routes an alias only to existing versions, with weights of at most 1 in total', () => {
    publishVersion(store.db, 'fn', '');
    expect(() => createAlias(store.db, 'fn', 'prod', { versionId: '4' })).toThrow(
      expect.objectContaining({ code: 'VersionNotFound' }),
    );
    createAlias(store.db, 'fn', 'prod', { versionId: '1' });
    expect(() => updateAlias(store.db, 'fn', 'prod', { additionalVersionWeight: { '9': 0.5 } })).toThrow(
      expect.objectContaining({ code: 'InvalidArgument', message: expect.stringContaining('additionalVersionWeight') }),
    );
    expect(() => createAlias(store.db, 'fn', 'prod', { versionId: '1' })).toThrow(
      expect.objectContaining({ code: 'AliasAlreadyExists' }),
    );
    expect(getAlias(store.db, 'fn', 'prod').versionId).toBe('1');
  });
});

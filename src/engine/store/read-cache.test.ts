import fs from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { createAlias, deleteAlias, updateAlias } from './aliases-store';
import { openEngineStore, type EngineStore } from './engine-store';
import { deleteFunction, insertFunction, updateFunction } from './functions-store';
import { anonymousGet, nodeSettings, tempDataDir, zipOf } from './store-fixtures';
import { createTrigger, deleteTrigger, updateTrigger } from './triggers-store';
import { deleteVersion, publishVersion } from './versions-store';

// The engine store caches the gateway's lookups; every write must reach the next read.
let store: EngineStore;
afterEach(() => {
  store.close();
  fs.rmSync(store.dataDir, { recursive: true, force: true });
});

function withFunction() {
  store = openEngineStore(tempDataDir());
  insertFunction(store.db, 'fn', nodeSettings, store.saveCode(zipOf({ 'index.js': 'v1' })));
  return store;
}

it('a trigger read after an update or delete is the stored one', () => {
  const s = withFunction();
  const { urlLabel } = createTrigger(s.db, 'fn', {
    triggerName: 't',
    qualifier: 'LATEST',
    triggerConfig: anonymousGet,
  });
  expect(s.findTriggerByUrlLabel(urlLabel)?.triggerConfig.methods).toEqual(['GET']);
  updateTrigger(s.db, 'fn', 't', { triggerConfig: { ...anonymousGet, methods: ['POST'] } });
  expect(s.findTriggerByUrlLabel(urlLabel)?.triggerConfig.methods).toEqual(['POST']);
  deleteTrigger(s.db, 'fn', 't');
  expect(s.findTriggerByUrlLabel(urlLabel)).toBeUndefined();
});

it('a trigger created after a miss is found', () => {
  const s = withFunction();
  expect(s.findTriggerByUrlLabel('fn-abcdefghij')).toBeUndefined();
  const { urlLabel } = createTrigger(s.db, 'fn', {
    triggerName: 't',
    qualifier: 'LATEST',
    triggerConfig: anonymousGet,
  });
  expect(s.findTriggerByUrlLabel(urlLabel)?.triggerName).toBe('t');
});

it('a function read after an update or delete is the stored one, and cannot be changed by its reader', () => {
  const s = withFunction();
  const before = s.resolveQualifier('fn');
  expect(before).toMatchObject({ timeout: nodeSettings.timeout });
  expect(() => {
    (before as { timeout: number }).timeout = 99;
  }).toThrow(TypeError);
  const code = s.saveCode(zipOf({ 'index.js': 'v2' }));
  updateFunction(s.db, 'fn', { timeout: 7 }, code);
  expect(s.resolveQualifier('fn')).toMatchObject({ timeout: 7, codeChecksum: code.checksum });
  deleteFunction(s.db, 'fn');
  expect(s.resolveQualifier('fn')).toBeUndefined();
});

it('an alias read after its version moves, or after it is deleted, is the stored one', () => {
  const s = withFunction();
  publishVersion(s.db, 'fn', 'one');
  updateFunction(s.db, 'fn', { timeout: 8 });
  publishVersion(s.db, 'fn', 'two');
  createAlias(s.db, 'fn', 'prod', { versionId: '1' });
  expect(s.resolveQualifier('fn', 'prod')?.versionId).toBe('1');
  updateAlias(s.db, 'fn', 'prod', { versionId: '2' });
  expect(s.resolveQualifier('fn', 'prod')).toMatchObject({ versionId: '2', timeout: 8 });
  expect(s.resolveQualifier('fn', '1')?.versionId).toBe('1');
  deleteAlias(s.db, 'fn', 'prod');
  deleteVersion(s.db, 'fn', '1');
  expect(s.resolveQualifier('fn', 'prod')).toBeUndefined();
  expect(s.resolveQualifier('fn', '1')).toBeUndefined();
});

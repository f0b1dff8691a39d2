import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { customDomainInputSchema } from '../../contract/custom-domain';
import { putConcurrency } from './concurrency-store';
import { createCustomDomain, updateCustomDomain } from './custom-domains-store';
import { openEngineStore, type EngineStore } from './engine-store';
import { insertFunction, updateFunction } from './functions-store';
import { anonymousGet, nodeSettings, tempDataDir, zipOf } from './store-fixtures';
import { createTrigger, deleteTrigger, updateTrigger } from './triggers-store';

// A second gateway process reads engine.db through its own connection while the primary writes it:
// every write must reach the follower's very next lookup, and the follower must not write. A request
// reaches the follower in a callback of its own, after the write committed: `nextRequest` is that turn.
const nextRequest = () => new Promise<void>((resolve) => setImmediate(resolve));
const opened: EngineStore[] = [];
afterEach(() => {
  opened.splice(0).forEach((store) => store.close());
});

function primaryAndFollower() {
  const dataDir = tempDataDir();
  const primary = openEngineStore(dataDir);
  const follower = openEngineStore(dataDir, { follower: true });
  opened.push(follower, primary);
  insertFunction(primary.db, 'fn', nodeSettings, primary.saveCode(zipOf({ 'index.js': 'v1' })));
  return { primary, follower, dataDir };
}

it("sees the primary's trigger update and delete at its very next lookup", async () => {
  const { primary, follower } = primaryAndFollower();
  const { urlLabel } = createTrigger(primary.db, 'fn', {
    triggerName: 't',
    qualifier: 'LATEST',
    triggerConfig: anonymousGet,
  });
  expect(follower.findTriggerByUrlLabel(urlLabel)?.triggerConfig.methods).toEqual(['GET']);
  updateTrigger(primary.db, 'fn', 't', { triggerConfig: { ...anonymousGet, methods: ['POST'] } });
  await nextRequest();
  expect(follower.findTriggerByUrlLabel(urlLabel)?.triggerConfig.methods).toEqual(['POST']);
  deleteTrigger(primary.db, 'fn', 't');
  await nextRequest();
  expect(follower.findTriggerByUrlLabel(urlLabel)).toBeUndefined();
});

it("sees a custom domain's new route, the function's new config and its instance cap at once", async () => {
  const { primary, follower } = primaryAndFollower();
  const route = (functionName: string, p: string) => ({ path: p, functionName });
  createCustomDomain(
    primary.db,
    customDomainInputSchema.parse({ domainName: 'a.example.com', routeConfig: { routes: [route('fn', '/one')] } }),
  );
  expect(follower.findCustomDomainForHost('a.example.com')?.routeConfig?.routes.map((r) => r.path)).toEqual(['/one']);
  updateCustomDomain(primary.db, 'a.example.com', { routeConfig: { routes: [route('fn', '/two')] } });
  await nextRequest();
  expect(follower.findCustomDomainForHost('a.example.com')?.routeConfig?.routes.map((r) => r.path)).toEqual(['/two']);

  expect(follower.resolveQualifier('fn')).toMatchObject({ timeout: nodeSettings.timeout });
  const code = primary.saveCode(zipOf({ 'index.js': 'v2' }));
  updateFunction(primary.db, 'fn', { timeout: 9 }, code);
  await nextRequest();
  expect(follower.resolveQualifier('fn')).toMatchObject({ timeout: 9, codeChecksum: code.checksum });
  putConcurrency(primary.db, 'fn', 2);
  await nextRequest();
  expect(follower.resolveQualifier('fn')?.reservedConcurrency).toBe(2);
  expect(fs.existsSync(follower.codePath(code.checksum))).toBe(true);
});

it('refuses to write, and its reads keep working while the primary writes', async () => {
  const { primary, follower } = primaryAndFollower();
  expect(() => updateFunction(follower.db, 'fn', { timeout: 5 })).toThrow(/readonly/i);
  expect(() => follower.saveCode(zipOf({ 'index.js': 'v3' }))).toThrow(/primary/);
  updateFunction(primary.db, 'fn', { timeout: 6 });
  await nextRequest();
  expect(follower.resolveQualifier('fn')?.timeout).toBe(6);
  expect(follower.db.pragma('journal_mode', { simple: true })).toBe('wal');
});

it('does not create or migrate a database the primary has not made', () => {
  const dataDir = tempDataDir();
  expect(() => openEngineStore(dataDir, { follower: true })).toThrow();
  expect(fs.existsSync(path.join(dataDir, 'engine.db'))).toBe(false);
});

it('sees a commit made by another process at its next lookup', async () => {
  const { follower, dataDir } = primaryAndFollower();
  expect(follower.resolveQualifier('fn')?.timeout).toBe(nodeSettings.timeout);
  // A plain SQL write from a process of its own: what the follower sees is SQLite's, not this process's.
  const write = `const db = new (require('better-sqlite3'))(process.argv[1]);
    db.prepare("UPDATE functions SET config = json_set(config, '$.timeout', 42)").run();`;
  const child = spawnSync(process.execPath, ['-e', write, path.join(dataDir, 'engine.db')], { encoding: 'utf8' });
  expect(child.stderr).toBe('');
  await nextRequest();
  expect(follower.resolveQualifier('fn')?.timeout).toBe(42);
});

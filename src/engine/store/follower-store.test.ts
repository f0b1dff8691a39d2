import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { followConfigChanges, tellConfigChanged } from '../gateways/config-changes';
import { channelPair } from '../gateways/testing/channel-pair';
import { customDomainInputSchema } from '../../contract/custom-domain';
import { putConcurrency } from './concurrency-store';
import { createCustomDomain, updateCustomDomain } from './custom-domains-store';
import { openEngineStore, type EngineStore } from './engine-store';
import { insertFunction, updateFunction } from './functions-store';
import { anonymousGet, nodeSettings, tempDataDir, zipOf } from './store-fixtures';
import { createTrigger, deleteTrigger, updateTrigger } from './triggers-store';

// A second gateway process reads engine.db through its own connection while the primary writes it:
// once the primary has told it config changed (as it does before answering the OpenAPI call that wrote
// it), the follower's very next lookup sees the write; and the follower must not write.
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
  const [toGateway, fromPrimary] = channelPair();
  followConfigChanges(fromPrimary, follower.db);
  const told = () => tellConfigChanged([toGateway]);
  return { primary, follower, told };
}

it("sees the primary's trigger update and delete at its very next lookup", async () => {
  const { primary, follower, told } = primaryAndFollower();
  const { urlLabel } = createTrigger(primary.db, 'fn', {
    triggerName: 't',
    qualifier: 'LATEST',
    triggerConfig: anonymousGet,
  });
  expect(follower.findTriggerByUrlLabel(urlLabel)?.triggerConfig.methods).toEqual(['GET']);
  updateTrigger(primary.db, 'fn', 't', { triggerConfig: { ...anonymousGet, methods: ['POST'] } });
  await told();
  expect(follower.findTriggerByUrlLabel(urlLabel)?.triggerConfig.methods).toEqual(['POST']);
  deleteTrigger(primary.db, 'fn', 't');
  await told();
  expect(follower.findTriggerByUrlLabel(urlLabel)).toBeUndefined();
});

it("sees a custom domain's new route, the function's new config and its instance cap at once", async () => {
  const { primary, follower, told } = primaryAndFollower();
  const route = (functionName: string, p: string) => ({ path: p, functionName });
  createCustomDomain(
    primary.db,
    customDomainInputSchema.parse({ domainName: 'a.example.com', routeConfig: { routes: [route('fn', '/one')] } }),
  );
  expect(follower.findCustomDomainForHost('a.example.com')?.routeConfig?.routes.map((r) => r.path)).toEqual(['/one']);
  updateCustomDomain(primary.db, 'a.example.com', { routeConfig: { routes: [route('fn', '/two')] } });
  await told();
  expect(follower.findCustomDomainForHost('a.example.com')?.routeConfig?.routes.map((r) => r.path)).toEqual(['/two']);

  expect(follower.resolveQualifier('fn')).toMatchObject({ timeout: nodeSettings.timeout });
  const code = primary.saveCode(zipOf({ 'index.js': 'v2' }));
  updateFunction(primary.db, 'fn', { timeout: 9 }, code);
  await told();
  expect(follower.resolveQualifier('fn')).toMatchObject({ timeout: 9, codeChecksum: code.checksum });
  putConcurrency(primary.db, 'fn', 2);
  await told();
  expect(follower.resolveQualifier('fn')?.reservedConcurrency).toBe(2);
  expect(fs.existsSync(follower.codePath(code.checksum))).toBe(true);
});

it('refuses to write, and its reads keep working while the primary writes', async () => {
  const { primary, follower, told } = primaryAndFollower();
  expect(() => updateFunction(follower.db, 'fn', { timeout: 5 })).toThrow(/readonly/i);
  expect(() => follower.saveCode(zipOf({ 'index.js': 'v3' }))).toThrow(/primary/);
  updateFunction(primary.db, 'fn', { timeout: 6 });
  await told();
  expect(follower.resolveQualifier('fn')?.timeout).toBe(6);
  expect(follower.db.pragma('journal_mode', { simple: true })).toBe('wal');
});

it('does not create or migrate a database the primary has not made', () => {
  const dataDir = tempDataDir();
  expect(() => openEngineStore(dataDir, { follower: true })).toThrow();
  expect(fs.existsSync(path.join(dataDir, 'engine.db'))).toBe(false);
});

it('keeps what it cached until the primary tells it: the telling is what makes a write visible', async () => {
  const { primary, follower, told } = primaryAndFollower();
  expect(follower.resolveQualifier('fn')?.timeout).toBe(nodeSettings.timeout);
  updateFunction(primary.db, 'fn', { timeout: 42 });
  expect(follower.resolveQualifier('fn')?.timeout).toBe(nodeSettings.timeout);
  await told();
  expect(follower.resolveQualifier('fn')?.timeout).toBe(42);
});

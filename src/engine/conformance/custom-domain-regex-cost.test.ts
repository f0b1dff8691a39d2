import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGEX_ROUTE_COST_MAX, REGEX_RULE_COST_MAX, regExpCost } from '../../contract/regexp-cost';
import { $FC } from '../openapi/testing/engine-kit';
import { MIRROR, type Mirrored } from './fixtures';
import { call, deployFunction, startHarness, uniqueName, type Harness, sdkFailure } from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const domainName = () => `${uniqueName('d').replace(/_/g, '-').toLowerCase()}.localhost`;

function createDomain(name: string, functionName: string, matches: string[]) {
  const regexRules = matches.map((match) => new $FC.RegexRule({ match, replacement: '/matched' }));
  const route = new $FC.PathConfig({ path: '/*', functionName, rewriteConfig: new $FC.RewriteConfig({ regexRules }) });
  return h.client.createCustomDomain(
    new $FC.CreateCustomDomainRequest({
      body: new $FC.CreateCustomDomainInput({
        domainName: name,
        protocol: 'HTTP',
        routeConfig: new $FC.RouteConfig({ routes: [route] }),
      }),
    }),
  );
}

// V8's linear engine walks every node for every character: optional atoms and `.*` that never match.
const WORST_RULE = `${'(?:a?){15}'.repeat(4)}a?a?a?c`;
const WORST_RULES = [WORST_RULE, `${'(?:.*a?){15}'.repeat(2)}ac`];

describe('regex rewrite rules are bounded in size', () => {
  it('refuses a rule, or a route of rules, past the cost bound (`(a?){16}` repeated held the loop > 60 s)', async () => {
    const fn = await deployFunction(h, MIRROR);
    for (const matches of [['(a?){16}'.repeat(64)], ['(?:a|b)*'.repeat(127)], Array(3).fill(WORST_RULE)])
      expect(await sdkFailure(createDomain(domainName(), fn, matches)), matches[0]).toEqual({
        code: 'InvalidArgument',
        statusCode: 400,
      });
  });

  it('answers a long path through the costliest rules a route may hold, and still rewrites what they match', async () => {
    expect(WORST_RULES.map(regExpCost)).toEqual([REGEX_RULE_COST_MAX, REGEX_RULE_COST_MAX - 2]);
    expect(REGEX_ROUTE_COST_MAX).toBe(2 * REGEX_RULE_COST_MAX);
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    await createDomain(name, fn, WORST_RULES);
    const path = `/${'a'.repeat(4000)}`;
    const response = await call(`http://${name}:${h.engine.port}`, { path });
    expect((await response.json<Mirrored>()).rawPath).toBe(path);
    // Its time is measured, not asserted (about 0.7 s on the loaded 2-core machine; docs/security.md).
    const matched = await call(`http://${name}:${h.engine.port}`, { path: '/ac' });
    expect((await matched.json<Mirrored>()).rawPath).toBe('//matched'); // `ac` replaced, `/` kept
  });
});

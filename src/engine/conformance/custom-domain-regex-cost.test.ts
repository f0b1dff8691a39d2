import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGEX_ROUTE_COST_MAX, regExpCost } from '../../contract/regexp-cost';
import { validationMessages } from '../../contract/validation-messages';
import { $FC } from '../openapi/testing/engine-kit';
import { MIRROR, type Mirrored } from './fixtures';
import {
  ANONYMOUS,
  call,
  deployFunction,
  deployTrigger,
  startHarness,
  uniqueName,
  type Harness,
  sdkFailure,
} from './harness';

let h: Harness;
beforeAll(async () => (h = await startHarness()));
afterAll(() => h.close());

const domainName = () => `${uniqueName('d').replace(/_/g, '-').toLowerCase()}.localhost`;

function createDomain(name: string, functionName: string, matches: string[], wildcards: string[] = []) {
  const regexRules = matches.map((match) => new $FC.RegexRule({ match, replacement: '/matched' }));
  const wildcardRules = wildcards.map((match) => new $FC.WildcardRule({ match, replacement: '/matched' }));
  const rewriteConfig = new $FC.RewriteConfig({ regexRules, wildcardRules });
  const route = new $FC.PathConfig({ path: '/*', functionName, rewriteConfig });
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

// V8's linear engine walks every node for every character: optional atoms and `.*` that never match
// (`.` is 4 ranges, so 5 a copy).
const WORST_RULE = `${'(?:a?){15}'.repeat(4)}a?a?a?c`;
const WORST_RULES = [WORST_RULE, `${'(?:.*a?){6}'.repeat(2)}ac`];

/** `count` characters past Latin-1, no two adjacent: a class of them has `count` ranges. */
const isolated = (count: number) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join('');

describe('regex rewrite rules are bounded in size', () => {
  it('refuses a rule, or a route of rules, past the cost bound (`(a?){16}` repeated held the loop > 60 s)', async () => {
    const fn = await deployFunction(h, MIRROR);
    for (const matches of [['(a?){16}'.repeat(64)], ['(?:a|b)*'.repeat(127)], Array(3).fill(WORST_RULE)])
      expect(await sdkFailure(createDomain(domainName(), fn, matches)), matches[0]).toEqual({
        code: 'InvalidArgument',
        statusCode: 400,
      });
  });

  it('refuses a route of big character classes with the cost message (a class weighs its ranges)', async () => {
    const fn = await deployFunction(h, MIRROR);
    // The review's rules, each counted 17 when a class weighed 1: they held the loop 0.1–5.9 s.
    const printable = Array.from({ length: 45 }, (_, i) => String.fromCharCode(0x21 + 2 * i)).join('');
    for (const match of [
      `^/(?:[${printable.replace(/[\]\\^-]/g, '\\$&')}]*){16}$`,
      `^/(?:[a${isolated(990)}]*){16}$`,
      `^/(?:[a${isolated(990)}]*)*$`,
      '\\s{13}',
    ]) {
      const error = await createDomain(domainName(), fn, [match]).then(
        () => ({ statusCode: 200, code: 'stored', message: '' }),
        (failure: { statusCode: number; code: string; message: string }) => failure,
      );
      expect({ statusCode: error.statusCode, code: error.code }, match).toEqual({
        statusCode: 400,
        code: 'InvalidArgument',
      });
      expect(error.message).toContain(validationMessages['domain.rewrite.regexCost']);
    }
  });

  it('matches a long path through the costliest route of classes allowed off the loop: another trigger answers first', async () => {
    const rule = `^(?:[/x${isolated(2)}]*){16}$`; // 4 ranges × 16
    expect(regExpCost(rule)).toBe(REGEX_ROUTE_COST_MAX / 2);
    const other = await deployTrigger(h, await deployFunction(h, MIRROR), ANONYMOUS);
    expect((await call(other.urlInternet, { path: '/warm' })).status).toBe(200);
    const name = domainName();
    await createDomain(name, await deployFunction(h, MIRROR), [rule, rule]);
    expect((await call(`http://${name}:${h.engine.port}`, { path: '/x' })).json<Mirrored>().rawPath).toBe('/matched');
    const order: string[] = [];
    const path = `/${'x'.repeat(4000)}y`; // no match: V8 gives up backtracking and runs its linear engine
    const costly = call(`http://${name}:${h.engine.port}`, { path }).then((reply) => {
      order.push('costly');
      return reply;
    });
    for (const otherPath of ['/1', '/2', '/3']) {
      expect((await call(other.urlInternet, { path: otherPath })).json<Mirrored>().rawPath).toBe(otherPath);
      order.push(otherPath);
    }
    const reply = await costly;
    expect(order).toEqual(['/1', '/2', '/3', 'costly']);
    // Within the deadline the path goes to the function as it came; past it (the loaded machine) 503.
    const seen = reply.status === 200 ? reply.json<Mirrored>().rawPath : reply.json<{ Code: string }>().Code;
    expect(seen).toBe(reply.status === 200 ? path : 'DomainRewriteTimeout');
  });

  it('answers a long path through the costliest route (503 DomainRewriteTimeout past the deadline), and other triggers meanwhile', async () => {
    expect(WORST_RULES.map(regExpCost)).toEqual([REGEX_ROUTE_COST_MAX / 2, REGEX_ROUTE_COST_MAX / 2 - 2]);
    const other = await deployTrigger(h, await deployFunction(h, MIRROR), ANONYMOUS);
    expect((await call(other.urlInternet, { path: '/warm' })).status).toBe(200);
    const name = domainName();
    await createDomain(name, await deployFunction(h, MIRROR), WORST_RULES);
    // What they match is still rewritten (on the loop: a short path); this also starts the domain's function.
    const matched = await call(`http://${name}:${h.engine.port}`, { path: '/ac' });
    expect((await matched.json<Mirrored>()).rawPath).toBe('//matched'); // `ac` replaced, `/` kept
    const order: string[] = [];
    // 0.03–0.7 s of V8's linear engine on a 2-core machine, quiet to loaded: within or past the 100 ms
    // deadline (bench/regex-off-loop.ts). The deadline itself is the runaway wildcard test's below.
    const costly = call(`http://${name}:${h.engine.port}`, { path: `/${'a'.repeat(4000)}` }).then((reply) => {
      order.push('costly');
      return reply;
    });
    for (const path of ['/1', '/2', '/3']) {
      expect((await call(other.urlInternet, { path })).json<Mirrored>().rawPath).toBe(path);
      order.push(path);
    }
    const reply = await costly;
    expect(order).toEqual(['/1', '/2', '/3', 'costly']);
    if (reply.status === 200) expect(reply.json<Mirrored>().rawPath).toBe(`/${'a'.repeat(4000)}`);
    else {
      expect(reply.status).toBe(503);
      expect(reply.json()).toMatchObject({ Code: 'DomainRewriteTimeout' });
      expect(reply.json<{ Message: string }>().Message).toContain(name);
    }
  });

  it('answers 503 to a long path through a runaway wildcard rule (it has no cost bound), and rewrites short ones', async () => {
    const name = domainName();
    // Every `*` a capture: on the event loop this one rule held it for minutes against a 4 KB path.
    await createDomain(name, await deployFunction(h, MIRROR), [], [`${'*a'.repeat(100)}b`, '^/short/*']);
    const reply = await call(`http://${name}:${h.engine.port}`, { path: `/${'a'.repeat(4000)}` });
    expect([reply.status, reply.json().Code]).toEqual([503, 'DomainRewriteTimeout']);
    expect(reply.json<{ Message: string }>().Message).toContain(name);
    const short = await call(`http://${name}:${h.engine.port}`, { path: '/short/ab' });
    expect(short.json<Mirrored>().rawPath).toBe('/matched');
  });

  it('rewrites a long path through a realistic rule in the rewrite thread, as the event loop would', async () => {
    const fn = await deployFunction(h, MIRROR);
    const name = domainName();
    await h.client.createCustomDomain(
      new $FC.CreateCustomDomainRequest({
        body: new $FC.CreateCustomDomainInput({
          domainName: name,
          protocol: 'HTTP',
          routeConfig: new $FC.RouteConfig({
            routes: [
              new $FC.PathConfig({
                path: '/*',
                functionName: fn,
                rewriteConfig: new $FC.RewriteConfig({
                  regexRules: [new $FC.RegexRule({ match: '^/api/.+?/(.*)', replacement: '/api/v2/$1' })],
                }),
              }),
            ],
          }),
        }),
      }),
    );
    const tail = 'x'.repeat(3000);
    const reply = await call(`http://${name}:${h.engine.port}`, { path: `/api/v1/${tail}?q=1` });
    expect(reply.json<Mirrored>()).toMatchObject({ rawPath: `/api/v2/${tail}`, query: { q: '1' } });
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { RewriteConfig } from '../../contract/custom-domain';
import { rewriteCustomDomainPath, rewriteWork } from '../../contract/custom-domain-routes';
import { createOffLoopRewriter, type OffLoopRewriter } from './off-loop-rewriter';
import { INLINE_REWRITE_WORK } from '../../contract/regexp-cost';
import { rewriteDomainPath } from './rewrite-domain-path';

const realistic: RewriteConfig = { regexRules: [{ match: '^/api/.+?/(.*)', replacement: '/api/v2/$1' }] };
// Each `*` a capture `(.*)`: on the event loop this rule held it for minutes against a 4 KB path.
const runaway: RewriteConfig = { wildcardRules: [{ match: `${'*a'.repeat(100)}b`, replacement: '/never' }] };
const longPath = `/api/v1/${'a'.repeat(4000)}`;

let rewriter: OffLoopRewriter | undefined;
afterEach(() => rewriter?.close());

describe('rewriteDomainPath: on the loop when cheap, in the rewrite thread when not', () => {
  it('answers at once, without the thread, a route with no wildcard or regex rule, or a short path', () => {
    const noThread = () => expect.unreachable('the rewrite thread was asked');
    const equalOnly: RewriteConfig = { equalRules: [{ match: '/a', replacement: '/b' }] };
    expect(rewriteDomainPath(undefined, longPath, noThread)).toBe(longPath);
    expect(rewriteDomainPath(equalOnly, `/${'a'.repeat(4000)}`, noThread)).toBe(`/${'a'.repeat(4000)}`);
    expect(rewriteDomainPath(realistic, '/api/v1/users/7', noThread)).toBe('/api/v2/users/7');
  });

  it('hands the thread a path whose rules could cost more than the loop may spend', async () => {
    expect(rewriteWork(realistic) * longPath.length).toBeGreaterThan(INLINE_REWRITE_WORK);
    const asked: string[] = [];
    const thread = {
      rewrite: async (_: RewriteConfig, path: string) => (asked.push(path), 'x'),
      close: async () => {},
    };
    expect(await rewriteDomainPath(realistic, longPath, () => thread)).toBe('x');
    expect(asked).toEqual([longPath]);
  });
});

describe('createOffLoopRewriter', () => {
  it('rewrites as the loop would, reusing what it was sent of a route', async () => {
    rewriter = createOffLoopRewriter({ deadlineMs: 10_000, queueMax: 4 });
    const expected = rewriteCustomDomainPath(realistic, longPath);
    expect(expected).toBe(`/api/v2/${'a'.repeat(4000)}`);
    expect(await rewriter.rewrite(realistic, longPath)).toBe(expected);
    expect(await rewriter.rewrite(realistic, '/web/x')).toBe('/web/x');
  });

  it('answers late a path whose rules overrun the deadline, then rewrites the next one in a new thread', async () => {
    rewriter = createOffLoopRewriter({ deadlineMs: 50, queueMax: 4 });
    const late = rewriter.rewrite(runaway, `/${'a'.repeat(4000)}`);
    const after = rewriter.rewrite(realistic, longPath);
    expect(await late).toEqual({ late: 'deadline' });
    expect(await after).toBe(`/api/v2/${'a'.repeat(4000)}`);
  });

  it('answers at once, as busy, a path beyond the queue, while earlier ones still wait', async () => {
    rewriter = createOffLoopRewriter({ deadlineMs: 50, queueMax: 1 });
    const order: string[] = [];
    const note = (name: string) => (result: unknown) => order.push(`${name}:${JSON.stringify(result)}`);
    const first = rewriter.rewrite(runaway, `/${'a'.repeat(4000)}`).then(note('first'));
    const second = rewriter.rewrite(realistic, '/api/v1/x').then(note('second'));
    await Promise.all([first, second]);
    expect(order).toEqual(['second:{"late":"busy"}', 'first:{"late":"deadline"}']);
  });
});

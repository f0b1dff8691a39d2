import { describe, expect, it } from 'vitest';
import { REGEX_ROUTE_COST_MAX, REGEX_RULE_COST_MAX, regExpCost } from './regexp-cost';

const isolated = (count: number) =>
  Array.from({ length: count }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join('');

describe('regExpCost', () => {
  it.each([
    ['^/api/.+?/(.*)', 20],
    ['(?:a?){16}', 16],
    ['(a?){16}', 48],
    ['(a{4}){4}', 24],
    ['(?:a|b)*', 2],
    ['[a-z(]{3}\\d', 7],
    ['(?<id>\\d+)', 4],
    ['(?:[aceg]*){16}', 64],
    ['\\s\\S\\w\\W\\d\\D.', 10 + 11 + 4 + 5 + 1 + 2 + 4],
    ['[^/]+', 4],
    ['\\n\\.\\[', 3],
  ])('%s costs %i: ranges after unrolling counted repetitions, captures weighed', (source, cost) =>
    expect(regExpCost(source)).toBe(cost),
  );

  it('weighs the classes the review measured past the bound (they held the loop 2.4–5.9 s)', () => {
    const printable = Array.from({ length: 45 }, (_, i) => String.fromCharCode(0x21 + 2 * i)).join('');
    expect(regExpCost(`(?:[${printable.replace(/[\]\\^-]/g, '\\$&')}]*){16}`)).toBeGreaterThan(REGEX_RULE_COST_MAX);
    expect(regExpCost(`(?:[a${isolated(990)}]*){16}`)).toBe(991 * 16);
    expect(regExpCost(`^/(?:[a${isolated(990)}]*)*$`)).toBeGreaterThan(REGEX_ROUTE_COST_MAX);
  });

  it.each([
    '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})',
    '^/orders/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(.*)$',
  ])('stores a UUID written out in hex classes, a rule FC users write: %s', (source) =>
    expect(regExpCost(source)).toBeLessThanOrEqual(REGEX_RULE_COST_MAX),
  );

  it.each(['^/api/(.*)', '^/user/([0-9]+)/(.*)', '[a-zA-Z0-9_-]+', '\\w+', '^/([^/]+)/([^/]+)/([^/]+)/(.*)$'])(
    'keeps the rules users write within the bound: %s',
    (source) => expect(regExpCost(source)).toBeLessThanOrEqual(REGEX_RULE_COST_MAX / 4),
  );
});

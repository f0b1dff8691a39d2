import { describe, expect, it } from 'vitest';
import { regExpCost } from './regexp-cost';

describe('regExpCost', () => {
  it.each([
    ['^/api/.+?/(.*)', 11],
    ['(?:a?){16}', 16],
    ['(a?){16}', 48],
    ['(a{4}){4}', 24],
    ['(?:a|b)*', 2],
    ['[a-z(]{3}\\d', 4],
    ['(?<id>\\d+)', 4],
  ])('%s costs %i: nodes after unrolling counted repetitions, captures weighed', (source, cost) =>
    expect(regExpCost(source)).toBe(cost),
  );
});

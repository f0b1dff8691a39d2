import { describe, expect, it } from 'vitest';
import { isLinearRegExpSource } from './linear-regexp';

describe('isLinearRegExpSource', () => {
  it.each(['^/api/.+?/(.*)', '^/(a+)+$', '^/u/(?<id>\\d+)', '(?:a|b)*', '[\\1(?=]', '\\\\1', '\\d{1,1000}'])(
    'accepts %s: no backreference, no lookaround',
    (source) => expect(isLinearRegExpSource(source)).toBe(true),
  );

  it.each(['(a)\\1', '(?<x>a)\\k<x>', 'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b', '[x](a)\\2'])('refuses %s', (source) =>
    expect(isLinearRegExpSource(source)).toBe(false),
  );
});

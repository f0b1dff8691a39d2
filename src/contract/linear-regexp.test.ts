import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isLinearRegExpSource } from './linear-regexp';

const LINEAR = [
  '^/api/.+?/(.*)',
  '^/(a+)+$',
  '^/u/(?<id>\\d+)',
  '(?:a|b)*',
  '[\\1(?=]',
  '\\\\1',
  '\\d{1,16}',
  'a{15,}',
  '(b{4}){4}',
  '(((a+)+)+)+',
  '^/(a+)+(b{2,}){5}$',
  '(b+){8}',
  'a{,20}',
  '[{17}]',
  '(?<n>x){16}',
  'x{2}?y{16}?',
];
const NOT_LINEAR = [
  '(a)\\1',
  '(?<x>a)\\k<x>',
  'a(?=b)',
  'a(?!b)',
  '(?<=a)b',
  '(?<!a)b',
  '\\d{1,1000}',
  '^/(a+)+(b{0,17})?$',
  'a{16,}',
  '(b{4}){5}',
  '((((a+)+)+)+)+',
  '(b{2,}){8}',
  '(?:(?:a{2}){3}){3}',
  '\\u{17}',
  '(a{1000}){1000}',
];

describe('isLinearRegExpSource', () => {
  it.each(LINEAR)('accepts %s: V8 can fall back to its linear engine', (source) =>
    expect(isLinearRegExpSource(source)).toBe(true),
  );

  it.each(NOT_LINEAR)('refuses %s: V8 would keep backtracking', (source) =>
    expect(isLinearRegExpSource(source)).toBe(false),
  );

  it('refuses \\2 even where one group makes it an octal escape: a digit escape is taken for a backreference', () =>
    expect(isLinearRegExpSource('[x](a)\\2')).toBe(false));

  it('agrees with V8 itself: a pattern is accepted exactly when its linear engine compiles it', () => {
    const script =
      'for (const p of JSON.parse(process.argv[1])) { try { new RegExp(p, "l"); console.log(1) } catch { console.log(0) } }';
    const patterns = [...LINEAR, ...NOT_LINEAR];
    const verdicts = execFileSync(process.execPath, [
      '--enable-experimental-regexp-engine',
      '-e',
      script,
      JSON.stringify(patterns),
    ])
      .toString()
      .trim()
      .split('\n');
    expect(patterns.map((p) => isLinearRegExpSource(p))).toEqual(verdicts.map((v) => v === '1'));
  });
});

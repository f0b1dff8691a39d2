import { describe, expect, it } from 'vitest';
import { classRanges, DOT_RANGES, escapeRanges } from './regexp-ranges';

/** The disjoint ranges of UTF-16 code units a class matches, counted by asking V8 about every unit. */
function rangesV8Matches(source: string): number {
  const single = new RegExp(`^${source}$`);
  let ranges = 0;
  let inside = false;
  for (let unit = 0; unit <= 0xffff; unit++) {
    const matches = single.test(String.fromCharCode(unit));
    if (matches && !inside) ranges++;
    inside = matches;
  }
  return ranges;
}

const CLASSES = [
  '[a]',
  '[a-z]',
  '[aceg]',
  '[abc]',
  '[a-cb-e]',
  '[a-zA-Z0-9_-]',
  '[^/]',
  '[^ac]',
  '[\\s\\S]',
  '[\\w-z]',
  '[a-\\d]',
  '[\\W\\d]',
  '[\\x41-\\x5a\\u0061-\\u007A]',
  '[\\cJ\\c_\\c1]',
  '[\\c!]',
  '[\\0\\12\\101\\477\\8]',
  '[\\b\\t\\n\\v\\f\\r\\B\\-\\]]',
  '[\\xZ\\u12]',
  '[^\\s]',
  '[.]',
  `[a${Array.from({ length: 40 }, (_, i) => String.fromCharCode(0x100 + 2 * i)).join('')}]`,
];

describe('classRanges', () => {
  it.each(CLASSES)('counts %s as the disjoint ranges V8 matches', (source) =>
    expect(classRanges(source, 0)).toEqual({ ranges: rangesV8Matches(source), end: source.length - 1 }),
  );

  it.each([
    ['[a-z]', 1],
    ['[aceg]', 4],
    ['[a-cb-e]', 1],
    ['[^/]', 2],
    ['[\\s\\S]', 1],
    ['[^]', 1],
    ['[]', 1],
  ])('weighs %s as %i (merged ranges, a negation by its complement, at least 1)', (source, ranges) =>
    expect(classRanges(source, 0).ranges).toBe(ranges),
  );

  it('finds the end of a class inside a pattern', () =>
    expect(classRanges('x[\\]a]+', 1)).toEqual({ ranges: 2, end: 5 }));
});

describe('escapeRanges', () => {
  it.each([
    ['d', '\\d'],
    ['D', '\\D'],
    ['w', '\\w'],
    ['W', '\\W'],
    ['s', '\\s'],
    ['S', '\\S'],
  ])('weighs %s as the ranges V8 matches', (char, pattern) =>
    expect(escapeRanges(char)).toBe(rangesV8Matches(pattern)),
  );

  it('weighs `.` as the ranges V8 matches', () => expect(DOT_RANGES).toBe(rangesV8Matches('.')));

  it('gives the counts the cost bound documents', () => {
    expect(['d', 'D', 'w', 'W', 's', 'S', 'n', '.'].map(escapeRanges)).toEqual([1, 2, 4, 5, 10, 11, 1, 1]);
    expect(DOT_RANGES).toBe(4);
  });
});

/**
 * V8's linear engine compiles a character class into one alternative per disjoint range of UTF-16 code
 * units (after merging overlapping and adjacent ones), and tries each at every character of the path:
 * `[aceg]` costs about four times `[a-g]` (bench/regex-class-cost.ts). Rules carry no flags, so there is
 * no case folding, and a class is read the way a pattern without the `u` flag reads it (Annex B).
 */
type Range = readonly [number, number];

const MAX_UNIT = 0xffff;
const DIGIT: Range[] = [[0x30, 0x39]];
const WORD: Range[] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: Range[] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const LINE_TERMINATORS: Range[] = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

function normalise(ranges: readonly Range[]): Range[] {
  const merged: [number, number][] = [];
  for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

function complement(ranges: readonly Range[]): Range[] {
  const gaps: Range[] = [];
  let next = 0;
  for (const [from, to] of normalise(ranges)) {
    if (from > next) gaps.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_UNIT) gaps.push([next, MAX_UNIT]);
  return gaps;
}

const CLASS_ESCAPES: Record<string, Range[]> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const CONTROL_ESCAPES: Record<string, number> = { b: 8, t: 9, n: 10, v: 11, f: 12, r: 13 };

/** The ranges `.` (outside a class, no `s` flag) compiles to: 4. */
export const DOT_RANGES = complement(LINE_TERMINATORS).length;

/** The ranges an escape outside a class compiles to: `\s` 10, `\S` 11, `\w` 4, `\W` 5, `\d` 1, `\D` 2, any other 1. */
export function escapeRanges(char: string | undefined): number {
  return CLASS_ESCAPES[char ?? '']?.length ?? 1;
}

type Atom = { set?: Range[]; unit: number; next: number };

/** One class atom from `at` (a character or an escape, Annex B as V8 reads it without the `u` flag). */
function classAtom(source: string, at: number): Atom {
  if (source[at] !== '\\' || at + 1 >= source.length) return { unit: source.charCodeAt(at), next: at + 1 };
  const char = source[at + 1]!;
  const set = CLASS_ESCAPES[char];
  if (set) return { set, unit: 0, next: at + 2 };
  if (char in CONTROL_ESCAPES) return { unit: CONTROL_ESCAPES[char]!, next: at + 2 };
  const hex = char === 'x' ? 2 : char === 'u' ? 4 : 0;
  const digits = source.slice(at + 2, at + 2 + hex);
  if (hex && digits.length === hex && /^[0-9a-fA-F]+$/.test(digits))
    return { unit: parseInt(digits, 16), next: at + 2 + hex };
  if (char === 'c' && /[A-Za-z0-9_]/.test(source[at + 2] ?? ''))
    return { unit: source.charCodeAt(at + 2) % 32, next: at + 3 };
  if (char === 'c') return { unit: 0x5c, next: at + 1 };
  const octal = /^[0-7]{1,3}/.exec(source.slice(at + 1))?.[0];
  if (octal) {
    const value = octal.length === 3 && octal[0]! > '3' ? octal.slice(0, 2) : octal;
    return { unit: parseInt(value, 8), next: at + 1 + value.length };
  }
  return { unit: source.charCodeAt(at + 1), next: at + 2 };
}

/**
 * The number of disjoint ranges of the class opening at `at` (`[`), a negated class counted by its
 * complement's, at least 1; and the index of its closing `]` (or the source's end).
 */
export function classRanges(source: string, at: number): { ranges: number; end: number } {
  let i = at + 1;
  const negated = source[i] === '^';
  if (negated) i++;
  const ranges: Range[] = [];
  while (i < source.length && source[i] !== ']') {
    const from = classAtom(source, i);
    i = from.next;
    const to =
      source[i] === '-' && i + 1 < source.length && source[i + 1] !== ']' ? classAtom(source, i + 1) : undefined;
    if (to && !from.set && !to.set) {
      ranges.push([Math.min(from.unit, to.unit), Math.max(from.unit, to.unit)]);
      i = to.next;
      continue;
    }
    ranges.push(...(from.set ?? [[from.unit, from.unit]]));
  }
  const count = (negated ? complement(ranges) : normalise(ranges)).length;
  return { ranges: Math.max(1, count), end: i };
}

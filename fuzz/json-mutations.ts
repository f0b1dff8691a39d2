import { strToU8, zipSync } from 'fflate';
import { ANY_BYTE, PRINTABLE, type Random } from './random';

/** A JSON body after one mutation: its text and a few words on what changed. */
export type MutatedJson = { kind: string; text: string; detail: string };

type Path = Array<string | number>;
const KB = 1024;
/** A value put in place by JSON.stringify, then swapped for raw text (nesting too deep to stringify). */
const MARK = '\u0000fuzz-raw\u0000';
const NAME_FIELDS = new Set([
  'functionName',
  'triggerName',
  'aliasName',
  'name',
  'versionId',
  'qualifier',
  'path',
  'tokenName',
  'username',
]);

function paths(value: unknown, at: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [at, ...keys.flatMap((k) => paths((value as Record<string, unknown>)[k], [...at, k]))];
}

function setAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = replacement;
  return copy;
}

const withRaw = (value: unknown, path: Path, raw: string) =>
  JSON.stringify(setAt(value, path, MARK)).replace(JSON.stringify(MARK), raw);
const describe = (path: Path) => (path.length === 0 ? 'the body' : path.join('.'));

export function invalidName(rng: Random): string {
  return rng.pick([
    '',
    ' ',
    'a'.repeat(129),
    'a'.repeat(rng.size(100 * KB)),
    '1abc',
    '-x',
    '../x',
    '../../etc/passwd',
    'a/b',
    'a\\b',
    '%2e%2e',
    'ä',
    '\u0000',
    'a b',
    'LATEST',
    '__proto__',
    'constructor',
    '😀',
    '\ud800',
    'fuzz_tmp_0\n',
    '*',
    '.',
  ]);
}

/** An invalid name as a path segment: percent-encoded, a lone surrogate as the bytes it would be. */
export function invalidSegment(rng: Random): string {
  const name = invalidName(rng);
  try {
    return encodeURIComponent(name).slice(0, 9000);
  } catch {
    return '%ED%A0%80';
  }
}

function otherType(rng: Random): unknown {
  return rng.pick([
    0,
    -1,
    1.5,
    1e308,
    -1e308,
    2 ** 53 + 1,
    true,
    false,
    null,
    [],
    {},
    [1, 'a'],
    { a: 1 },
    '',
    'NaN',
    '1',
  ]);
}

function hugeString(rng: Random): string {
  const size = rng.pick([64 * KB, 256 * KB, rng.size(2 * KB * KB), 6 * KB * KB + 1]);
  return rng.chance(0.5) ? 'x'.repeat(size) : rng.string(Math.min(size, 200 * KB), PRINTABLE + 'äß你😀');
}

function deepText(rng: Random): string {
  const depth = rng.pick([100, 1000, 10_000, 100_000]);
  return rng.chance(0.5) ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const zip = (files: Record<string, Uint8Array | string>) =>
  Buffer.from(
    zipSync(Object.fromEntries(Object.entries(files).map(([n, c]) => [n, typeof c === 'string' ? strToU8(c) : c]))),
  ).toString('base64');

/** Base64 that is not a zip, or a zip that should not be accepted as code. */
export function zipGarbage(rng: Random): { zipFile: string; what: string } {
  const handler = 'exports.handler = async () => "ok";';
  const options: Array<[string, () => string]> = [
    ['random bytes', () => rng.bytes(rng.size(200 * KB)).toString('base64')],
    ['not base64', () => '!!!not base64!!!'],
    ['empty', () => ''],
    ['base64 with newlines', () => zip({ 'index.js': handler }).replace(/(.{60})/g, '$1\n')],
    ['base64url alphabet', () => Buffer.from(zipSync({ 'index.js': strToU8(handler) })).toString('base64url')],
    [
      'zip header then garbage',
      () => Buffer.concat([Buffer.from('PK\x03\x04'), rng.bytes(rng.size(10 * KB))]).toString('base64'),
    ],
    [
      'truncated zip',
      () => {
        const b = Buffer.from(zip({ 'index.js': handler }), 'base64');
        return b.subarray(0, rng.int(1, b.length - 1)).toString('base64');
      },
    ],
    ['empty zip', () => zip({})],
    ['zip slip entry', () => zip({ '../../escape.js': handler, 'index.js': handler })],
    ['absolute entry', () => zip({ '/abs/index.js': handler })],
    ['backslash entry', () => zip({ '..\\..\\evil.js': handler })],
    ['long entry name', () => zip({ [`${'d/'.repeat(200)}${'n'.repeat(300)}.js`]: handler })],
    [
      'many entries',
      () => zip(Object.fromEntries(Array.from({ length: rng.int(500, 3000) }, (_, i) => [`f${i}.js`, `// ${i}`]))),
    ],
    [
      'zeros that expand',
      () => zip({ 'index.js': handler, 'big.bin': new Uint8Array(rng.pick([1, 5, 20]) * KB * KB) }),
    ],
    ['binary handler', () => zip({ 'index.js': rng.bytes(rng.size(4 * KB)) })],
  ];
  const [what, make] = rng.pick(options);
  return { zipFile: make(), what };
}

function malformed(value: unknown, rng: Random): { text: string; detail: string } {
  const valid = JSON.stringify(value);
  const [detail, text] = rng.pick([
    ['truncated', valid.slice(0, rng.int(0, Math.max(0, valid.length - 1)))],
    ['trailing garbage', `${valid}x`],
    ['byte order mark', `\ufeff${valid}`],
    ['NaN', '{"a":NaN}'],
    ['single quotes', valid.replace(/"/g, "'")],
    ['trailing comma', valid.replace(/}$/, ',}')],
    ['random bytes', rng.string(rng.int(1, 400), ANY_BYTE)],
    ['empty', ''],
    ['null', 'null'],
    ['array', '[]'],
    ['string', '"text"'],
    ['number overflow', '1e99999'],
    ['duplicate keys', valid.replace(/^{/, '{"functionName":{"x":1},')],
    ['prototype keys', valid.replace(/^{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},')],
    ['lone surrogate', valid.replace(/^{/, '{"x":"\\ud800",')],
  ] as const);
  return { text, detail };
}

/** One mutation of a valid body; `valid` sends it unchanged. */
export function mutateJson(value: unknown, rng: Random): MutatedJson {
  const all = paths(value);
  const leaf = rng.pick(all);
  const kind = rng.pick([
    'valid',
    'wrong-type',
    'huge-string',
    'deep-nesting',
    'unknown-field',
    'invalid-name',
    'zip-garbage',
    'malformed-json',
  ]);
  switch (kind) {
    case 'wrong-type': {
      const replacement = otherType(rng);
      return {
        kind,
        text: JSON.stringify(setAt(value, leaf, replacement)),
        detail: `${describe(leaf)} = ${JSON.stringify(replacement)}`,
      };
    }
    case 'huge-string': {
      const s = hugeString(rng);
      return {
        kind,
        text: JSON.stringify(setAt(value, leaf, s)),
        detail: `${describe(leaf)} = a ${s.length}-character string`,
      };
    }
    case 'deep-nesting': {
      const raw = deepText(rng);
      return {
        kind,
        text: withRaw(value, leaf, raw),
        detail: `${describe(leaf)} = ${raw.length / 2} levels of nesting`,
      };
    }
    case 'unknown-field': {
      const objects = all.filter((p) => {
        const v = p.reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], value);
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      const at = rng.pick(objects.length > 0 ? objects : [[]]);
      const key = rng.pick([
        'unknownField',
        'FunctionName',
        'x-acs-extra',
        'toString',
        'hasOwnProperty',
        'valueOf',
        '',
        rng.string(rng.int(1, 40), PRINTABLE),
      ]);
      return {
        kind,
        text: withRaw(value, [...at, key], JSON.stringify(otherType(rng))),
        detail: `${describe([...at, key])} added`,
      };
    }
    case 'invalid-name': {
      const names = all.filter((p) => NAME_FIELDS.has(String(p[p.length - 1])));
      const at = names.length > 0 ? rng.pick(names) : leaf;
      const name = invalidName(rng);
      return {
        kind,
        text: JSON.stringify(setAt(value, at, name)),
        detail: `${describe(at)} = ${JSON.stringify(name.slice(0, 30))} (${name.length} chars)`,
      };
    }
    case 'zip-garbage': {
      const { zipFile, what } = zipGarbage(rng);
      return {
        kind,
        text: JSON.stringify(setAt(value, ['code'], { zipFile })),
        detail: `code.zipFile: ${what} (${zipFile.length} chars)`,
      };
    }
    case 'malformed-json': {
      const { text, detail } = malformed(value, rng);
      return { kind, text, detail };
    }
    default:
      return { kind, text: JSON.stringify(value), detail: 'unchanged' };
  }
}

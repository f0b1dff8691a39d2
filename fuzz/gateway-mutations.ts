import { removeHeader, type Draft } from './draft';
import type { GatewayTarget } from './gateway-target';
import { authMutation } from './gateway-auth-mutations';
import { body, brokenChunked, contentLength, hangUp } from './gateway-framing-mutations';
import { ANY_BYTE, NAME_CHARS, type Random } from './random';

export type GatewayMutation = { kind: string; apply(d: Draft, rng: Random, target: GatewayTarget): string };

const KB = 1024;
const CONTROL = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\x7f';
/** A UTF-8 string as the bytes the wire carries, one latin1 character per byte. */
const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** Sizes around the limits: 8 KB of headers, 4 KB of path, Node's 64 KB header section. */
const hugeSize = (rng: Random) =>
  rng.pick([4 * KB + 1, 8 * KB - 20, 8 * KB + 1, 16 * KB, 63 * KB, 70 * KB, rng.size(100 * KB)]);

function requestLine(d: Draft, rng: Random): string {
  switch (rng.int(0, 4)) {
    case 0:
      d.method = rng.pick([
        'get',
        'GET ',
        'G\x00ET',
        'PROPFIND',
        'CONNECT',
        'TRACE',
        'M-SEARCH',
        'OPTIONS',
        'PRI',
        '',
        rng.string(rng.int(1, 20), NAME_CHARS),
        'X'.repeat(hugeSize(rng)),
        rng.string(rng.int(1, 8), ANY_BYTE),
      ]);
      return `method ${JSON.stringify(d.method.slice(0, 30))}`;
    case 1:
      d.target = rng.pick([
        '*',
        'http://evil.example/',
        '//',
        '/%zz',
        '/%00',
        '/%',
        '/..%2f..%2fetc/passwd',
        '/../../../etc/passwd',
        `/?${'a'.repeat(hugeSize(rng))}`,
        `/${'a'.repeat(hugeSize(rng))}`,
        '/\x7f',
        utf8Bytes('/ä/你好'),
        '/a b',
        '',
        '/#frag',
        `/${rng.string(rng.int(1, 40), ANY_BYTE)}`,
        '/?%zz=%zz&&=&a',
        `/?${'a=1&'.repeat(2000)}`,
      ]);
      return `target ${JSON.stringify(d.target.slice(0, 40))} (${d.target.length} bytes)`;
    case 2:
      d.version = rng.pick([
        'HTTP/1.0',
        'HTTP/0.9',
        'HTTP/2.0',
        'HTTP/1.1x',
        'HTTP/1.10',
        'http/1.1',
        '',
        'HTTP/9.9',
        'HTTP/1.1 extra',
      ]);
      return `version ${JSON.stringify(d.version)}`;
    case 3:
      d.lineEnd = rng.pick(['\n', '\r', '\n\r']);
      return `line end ${JSON.stringify(d.lineEnd)}`;
    default:
      d.method = `${d.method} `;
      d.target = ` ${d.target}`;
      return 'extra spaces in the request line';
  }
}

function headerName(d: Draft, rng: Random): string {
  const name = rng.pick([
    '',
    ' X-Lead',
    'X-Trail ',
    'X:Y',
    utf8Bytes('Ä-Header'),
    '\x00',
    'a'.repeat(hugeSize(rng)),
    rng.string(rng.int(1, 30), ANY_BYTE),
    `x-fc-${rng.string(8, NAME_CHARS)}`,
    'Host ',
    'Content-Length ',
    'Transfer-Encoding\t',
    '(){}',
    '@',
  ]);
  d.headers.splice(rng.int(0, d.headers.length), 0, [name, 'v']);
  return `header name ${JSON.stringify(name.slice(0, 30))} (${name.length} bytes)`;
}

function headerValueMutation(d: Draft, rng: Random): string {
  const value = rng.pick([
    rng.string(rng.int(1, 20), CONTROL),
    'a\x00b',
    'a\rb',
    'a\r\n continued',
    'a\r\n\tfolded',
    '\x7f',
    rng.string(rng.int(1, 40), ANY_BYTE),
    utf8Bytes('värde 你好 😀'),
    'x'.repeat(hugeSize(rng)),
    ' '.repeat(1000),
    '',
  ]);
  const at = rng.int(0, d.headers.length);
  const existing = d.headers[at];
  if (existing && rng.chance(0.5)) existing[1] = value;
  else d.headers.push([rng.pick(['X-Fuzz', 'Cookie', 'Content-Type', 'Accept', 'X-Fc-Log-Type', 'Origin']), value]);
  return `header value ${JSON.stringify(value.slice(0, 30))} (${value.length} bytes)`;
}

function host(d: Draft, rng: Random, target: GatewayTarget): string {
  const other = rng.pick(target.targets.triggers);
  const label = target.host.split('.')[0] ?? '';
  const second = rng.pick([
    target.host,
    other.hosts.internet,
    other.hosts.intranet,
    'localhost',
    '127.0.0.1',
    '',
    target.host.toUpperCase(),
    `${label}.cn-shanghai.fcapp.localhost`,
    '.fcapp.localhost',
    `${label}..fcapp.localhost`,
    `${target.host}:99999`,
    '[::1',
    'x'.repeat(hugeSize(rng)),
    `${label}.${target.targets.region}.fcapp.localhost.evil.example`,
  ]);
  switch (rng.int(0, 3)) {
    case 0:
      d.headers.push(['Host', second]);
      return `two Host headers, the second ${JSON.stringify(second.slice(0, 60))}`;
    case 1:
      d.headers.unshift(['host', second]);
      return `two Host headers, the first ${JSON.stringify(second.slice(0, 60))}`;
    case 2:
      removeHeader(d, 'Host');
      if (rng.chance(0.5)) d.headers.push(['Host', second]);
      return `Host replaced by ${JSON.stringify(second.slice(0, 60))}`;
    default:
      for (let i = 0; i < rng.int(3, 50); i++) d.headers.push(['Host', target.host]);
      return 'Host repeated many times';
  }
}

function invocationType(d: Draft, rng: Random): string {
  const values = [
    'Async',
    'Sync',
    'async',
    'ASYNC',
    '',
    'Async, Sync',
    'Async\x00',
    'x'.repeat(rng.size(20 * KB)),
    'Async ',
  ];
  const name = rng.pick(['X-Fc-Invocation-Type', 'x-fc-invocation-type', 'X-FC-INVOCATION-TYPE']);
  const sent = Array.from({ length: rng.int(1, 3) }, () => rng.pick(values));
  for (const value of sent) d.headers.push([name, value]);
  if (rng.chance(0.3))
    d.headers.push([rng.pick(['X-Fc-Log-Type', 'X-Fc-Async-Task-Id', 'X-Fc-Qualifier']), rng.pick(values)]);
  return `X-Fc-Invocation-Type ${JSON.stringify(sent.map((v) => v.slice(0, 12)))}`;
}

function manyHeaders(d: Draft, rng: Random): string {
  const count = rng.pick([100, 999, 1001, 2000, 2001, 5000, rng.int(1, 8000)]);
  const repeat = rng.chance(0.3);
  for (let i = 0; i < count; i++) d.headers.push([repeat ? 'X-Same' : `X-H${i}`, rng.chance(0.5) ? 'v' : `${i}`]);
  return `${count} ${repeat ? 'repeated' : 'distinct'} headers`;
}

export const GATEWAY_MUTATIONS: readonly GatewayMutation[] = [
  { kind: 'request-line', apply: requestLine },
  { kind: 'header-name', apply: headerName },
  { kind: 'header-value', apply: headerValueMutation },
  { kind: 'host', apply: host },
  { kind: 'invocation-type', apply: invocationType },
  { kind: 'many-headers', apply: manyHeaders },
  { kind: 'content-length', apply: contentLength },
  { kind: 'chunked', apply: brokenChunked },
  { kind: 'hang-up', apply: hangUp },
  { kind: 'auth', apply: authMutation },
  { kind: 'body', apply: body },
];

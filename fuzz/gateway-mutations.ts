import { chunked, headerValue, removeHeader, setHeader, type Draft } from './draft';
import type { GatewayTarget } from './gateway-target';
import { authMutation } from './gateway-auth-mutations';
import { ANY_BYTE, NAME_CHARS, PRINTABLE, type Random } from './random';

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

function contentLength(d: Draft, rng: Random): string {
  const length = d.body.length;
  switch (rng.int(0, 3)) {
    case 0: {
      const value = rng.pick([
        '-1',
        '-0',
        '1e3',
        '0x10',
        ` ${length}`,
        `${length} `,
        '99999999999999999999',
        '9007199254740993',
        '',
        'abc',
        `+${length}`,
        `${length},${length}`,
        `${length}, ${length + 1}`,
      ]);
      setHeader(d, 'Content-Length', value);
      return `Content-Length ${JSON.stringify(value)}`;
    }
    case 1:
      setHeader(d, 'Content-Length', String(length));
      d.headers.push(['Content-Length', String(length + rng.int(1, 10))]);
      return 'two different Content-Length headers';
    case 2:
      setHeader(d, 'Content-Length', String(length + rng.int(1, 100_000)));
      d.then = 'half-close';
      return 'Content-Length past the bytes sent, then half-close';
    default:
      setHeader(d, 'Content-Length', String(Math.max(0, length - rng.int(1, 10))));
      d.body = Buffer.concat([d.body, Buffer.from(rng.string(rng.int(1, 200), ANY_BYTE), 'latin1')]);
      return 'Content-Length short of the bytes sent, garbage after';
  }
}

function brokenChunked(d: Draft, rng: Random): string {
  removeHeader(d, 'Content-Length');
  const te = rng.pick([
    'chunked',
    'chunked',
    'chunked, chunked',
    'gzip, chunked',
    'xchunked',
    'chunked\x00',
    'Chunked',
    ' chunked',
    'identity',
  ]);
  setHeader(d, 'Transfer-Encoding', te);
  if (rng.chance(0.2)) d.headers.push(['Content-Length', String(d.body.length)]);
  const data = d.body.length > 0 ? d.body : Buffer.from('hello');
  const broken = rng.pick([
    ['bad size', Buffer.from(`zz\r\n${data}\r\n0\r\n\r\n`)],
    ['huge size', Buffer.from(`fffffffffffffffff\r\n${data}\r\n0\r\n\r\n`)],
    ['negative size', Buffer.from(`-1\r\n${data}\r\n0\r\n\r\n`)],
    ['size past the data', Buffer.from(`${(data.length + 50).toString(16)}\r\n${data}\r\n0\r\n\r\n`)],
    ['no CRLF after data', Buffer.from(`${data.length.toString(16)}\r\n${data}0\r\n\r\n`)],
    [
      'extension garbage',
      Buffer.from(`${data.length.toString(16)};${'e'.repeat(rng.size(20 * KB))}\r\n${data}\r\n0\r\n\r\n`),
    ],
    ['no last chunk', chunked(data).subarray(0, -5)],
    [
      'trailer garbage',
      Buffer.concat([chunked(data).subarray(0, -2), Buffer.from(`X-T\x00: ${'t'.repeat(rng.size(70 * KB))}\r\n\r\n`)]),
    ],
    ['well-formed', chunked(data, rng.int(1, 50))],
  ] as const);
  d.body = Buffer.from(broken[1]);
  // The server rightly waits for the rest of a chunk that was announced: hang up our side of it.
  if (broken[0] === 'no last chunk' || broken[0] === 'size past the data' || rng.chance(0.2)) d.then = 'half-close';
  return `Transfer-Encoding ${JSON.stringify(te)}, ${broken[0]}`;
}

function hangUp(d: Draft, rng: Random): string {
  d.then = 'hang-up';
  d.hangUpAfterMs = rng.pick([0, 1, 10, 50, 200]);
  if (rng.chance(0.6)) {
    const whole =
      d.method.length +
      d.target.length +
      d.headers.reduce((n, [a, b]) => n + a.length + b.length + 4, 0) +
      d.body.length;
    d.splitAt = rng.int(1, whole);
    return `hang up ${d.hangUpAfterMs} ms into a request cut at byte ${d.splitAt}`;
  }
  if (d.body.length > 0 && rng.chance(0.5)) d.body = d.body.subarray(0, rng.int(0, d.body.length - 1));
  return `hang up ${d.hangUpAfterMs} ms after sending${headerValue(d, 'Content-Length') ? ' (body maybe short)' : ''}`;
}

function body(d: Draft, rng: Random): string {
  const size = rng.pick([rng.size(300 * KB), 128 * KB + 1, 128 * KB]);
  d.body = rng.bytes(size);
  setHeader(d, 'Content-Length', String(size));
  if (rng.chance(0.3)) d.headers.push(['X-Fc-Invocation-Type', 'Async']);
  const type = rng.pick([
    'application/octet-stream',
    'multipart/form-data; boundary=',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    'text/plain; charset=nope',
    rng.string(20, PRINTABLE),
  ]);
  setHeader(d, 'Content-Type', type);
  return `${size} random bytes as ${JSON.stringify(type)}`;
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

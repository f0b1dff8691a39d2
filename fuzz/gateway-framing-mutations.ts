import { REQUEST_LIMITS } from '../src/contract/request-limits';
import { chunked, headerValue, removeHeader, setHeader, type Draft } from './draft';
import { ANY_BYTE, PRINTABLE, type Random } from './random';

const KB = 1024;
const SYNC_LIMIT = REQUEST_LIMITS.syncBodyBytes;

export function contentLength(d: Draft, rng: Random): string {
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

export function brokenChunked(d: Draft, rng: Random): string {
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

export function hangUp(d: Draft, rng: Random): string {
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

export function body(d: Draft, rng: Random): string {
  const size = rng.chance(0.1) ? SYNC_LIMIT + 1 : rng.pick([rng.size(300 * KB), 128 * KB + 1, 128 * KB]);
  d.body = size > 1024 * KB ? Buffer.alloc(size, rng.bytes(4096)) : rng.bytes(size);
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

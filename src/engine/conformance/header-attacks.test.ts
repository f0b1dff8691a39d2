import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_HEADER_BYTES, MAX_HEADER_COUNT } from '../gateway/limits';
import { MIRROR, WEB_SERVER, code, type Mirrored } from './fixtures';
import { call, deployHttp, hostOf, startHarness, type Harness, type TriggerEndpoints } from './harness';
import { rawRequest, requestHead } from './testing/raw-socket';

// Header lines written on a raw socket, exactly as an attacker sends them: repeated names, floods
// of tiny headers. Node's own client would merge or refuse them before they left.
let h: Harness;
let mirror: TriggerEndpoints;
let other: TriggerEndpoints;
beforeAll(async () => {
  h = await startHarness();
  mirror = await deployHttp(h, MIRROR);
  other = await deployHttp(h, MIRROR);
});
afterAll(() => h.close());

const send = (lines: readonly string[], target = '/') => rawRequest(h.engine.port, requestHead(target, lines));

/** `count` distinct header lines `z<n>: <value>`, the names padded to `nameLength`. */
function tinyHeaders(count: number, nameLength: number, value = ''): string[] {
  return Array.from({ length: count }, (_, i) => `z${i.toString(36).padStart(nameLength - 1, '0')}: ${value}`);
}

/** Bytes of names and values, as the limit counts them, of header lines written `name: value`. */
const bytesOf = (lines: readonly string[]) => lines.reduce((sum, line) => sum + line.length - 2, 0);

function expectInvalidArgument(reply: { status: number; header(n: string): string | undefined; json<T>(): T }) {
  expect(reply.status).toBe(400);
  const body = reply.json<{ Code: string; Message: string; RequestId: string }>();
  // The gateway's answer, not a bare 400 from Node's parser: the request reached the engine.
  expect(body.Code).toBe('InvalidArgument');
  expect(body.RequestId).toBe(reply.header('x-fc-request-id'));
  return body.Message;
}

describe('a repeated Host', () => {
  it('is 400 InvalidArgument, whether both name one trigger or two', async () => {
    const host = hostOf(mirror.urlInternet);
    for (const second of [host, hostOf(other.urlInternet), 'attacker.example']) {
      const reply = await send([`Host: ${host}`, `Host: ${second}`, 'Connection: close']);
      expect(expectInvalidArgument(reply)).toContain('Host');
    }
    // Spelled differently, it is still the same header.
    expectInvalidArgument(await send([`Host: ${host}`, `HOST: ${host}`, 'Connection: close']));
  });

  it('is not what one Host gets: the same request with one Host reaches the function', async () => {
    const reply = await send([`Host: ${hostOf(mirror.urlInternet)}`, 'Connection: close']);
    expect(reply.status).toBe(200);
    expect(reply.json<Mirrored>().rawPath).toBe('/');
  });
});

describe('a repeated X-Fc-Invocation-Type', () => {
  const host = () => hostOf(mirror.urlInternet);

  it('is 400 even with equal values, and nothing is queued or run', async () => {
    for (const values of [
      ['Async', 'Async'],
      ['Async', 'Sync'],
      ['sync', 'Sync'],
    ]) {
      const reply = await send([
        `Host: ${host()}`,
        ...values.map((v) => `X-Fc-Invocation-Type: ${v}`),
        'Connection: close',
      ]);
      expect(expectInvalidArgument(reply)).toContain('X-Fc-Invocation-Type');
      expect(reply.header('x-fc-async-task-id')).toBeUndefined();
    }
  });

  it('sent once, Async is still accepted (202)', async () => {
    const reply = await send([`Host: ${host()}`, 'X-Fc-Invocation-Type: Async', 'Connection: close']);
    expect(reply.status).toBe(202);
  });
});

describe('header floods', () => {
  const head = () => [`Host: ${hostOf(mirror.urlInternet)}`, 'Connection: close'];

  it('900 tiny headers over 8 KB in all are 400, like one big header', async () => {
    const flood = tinyHeaders(900, 4, 'vvvvvv'); // 10 bytes each: 9,000 bytes
    expect(bytesOf([...head(), ...flood])).toBeGreaterThan(MAX_HEADER_BYTES);
    expect(expectInvalidArgument(await send([...head(), ...flood]))).toContain(`${MAX_HEADER_BYTES} bytes`);
    // The same count under 8 KB reaches the function, every header in it.
    const small = tinyHeaders(900, 4, 'v');
    expect(bytesOf([...head(), ...small])).toBeLessThan(MAX_HEADER_BYTES);
    const reply = await send([...head(), ...small]);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json<Mirrored>().headers).filter((name) => /^Z[0-9a-z]{3}$/i.test(name))).toHaveLength(
      900,
    );
  });

  it(`${MAX_HEADER_COUNT} header lines pass; one more is 400, however small they are`, async () => {
    const at = [...head(), ...tinyHeaders(MAX_HEADER_COUNT - 2, 3)];
    expect(bytesOf(at)).toBeLessThan(MAX_HEADER_BYTES);
    expect((await send(at)).status).toBe(200);
    const past = [...head(), ...tinyHeaders(MAX_HEADER_COUNT - 1, 3)];
    expect(expectInvalidArgument(await send(past))).toContain(`${MAX_HEADER_COUNT + 1} headers`);
  });

  it('what passes both limits at once reaches a web function whole, its server answering', async () => {
    const web = await deployHttp(h, WEB_SERVER);
    const lines = [`Host: ${hostOf(web.urlInternet)}`, 'Connection: close'];
    const flood = tinyHeaders(MAX_HEADER_COUNT - lines.length, 4);
    const padding = MAX_HEADER_BYTES - bytesOf([...lines, ...flood]);
    const at = [...lines, `${flood[0]}${'v'.repeat(padding)}`, ...flood.slice(1)];
    expect([at.length, bytesOf(at)]).toEqual([MAX_HEADER_COUNT, MAX_HEADER_BYTES]);
    const reply = await send(at);
    expect(reply.status).toBe(200);
    expect(reply.header('x-served-by')).toBe('web');
    const received = Object.keys(reply.json<{ headers: Record<string, string> }>().headers);
    expect(received.filter((name) => /^z[0-9a-z]{3}$/.test(name))).toHaveLength(flood.length);
  });

  it('a header section past what the server reads at all is refused by Node (431), and the engine answers on', async () => {
    const reply = await send([...head(), ...tinyHeaders(9000, 4, 'v'.repeat(6))]);
    expect(reply.status).toBe(431);
    expect((await call(mirror.urlInternet)).status).toBe(200);
  });
});

it('a repeated header the gateway has no rule for still reaches the function, joined', async () => {
  const { urlInternet } = await deployHttp(
    h,
    code(`exports.handler = async (event) => ({ statusCode: 200, body: JSON.parse(event).headers['X-Twice'] });`),
  );
  const reply = await send([`Host: ${hostOf(urlInternet)}`, 'X-Twice: a', 'X-Twice: b', 'Connection: close']);
  expect(reply.status).toBe(200);
  expect(reply.body.toString()).toBe('a, b');
});

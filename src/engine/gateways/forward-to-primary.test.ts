import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { lingerAfterEarlyAnswer } from '../../early-answer';
import { forwardTo } from './forward-to-primary';
import { FORWARDED_HEADER, newForwardSecret } from './forwarded-listener';
import { closeServer, listen } from './listeners';

type Served = { server: http.Server; port: number };
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map(closeServer));
});

async function serve(handler: http.RequestListener): Promise<Served> {
  const server = http.createServer(handler);
  servers.push(server);
  await listen(server, 0, '127.0.0.1');
  return { server, port: (server.address() as AddressInfo).port };
}

/** A stand-in primary behind a gateway process's forwarder, as the engine wires them. */
async function forwarding(primary: http.RequestListener) {
  const secret = newForwardSecret();
  const target = await serve(primary);
  const forwarder = forwardTo({ port: target.port, secret });
  const front = await serve((req, res) => forwarder.forward(req, res));
  return { secret, port: front.port, close: forwarder.close };
}

function send(
  port: number,
  rawHeaders: string[],
  body?: string,
): Promise<{ status: number; raw: string[]; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/p?q=1',
      headers: rawHeaders,
      agent: false,
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, raw: res.rawHeaders, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes `request` on a connection of its own and reads until the server closes it. */
function rawExchange(port: number, request: string): Promise<string> {
  const socket = net.connect(port, '127.0.0.1');
  socket.write(request);
  let answer = '';
  socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
  return new Promise((resolve) => socket.on('close', () => resolve(answer)));
}

describe("a gateway process's forwarding to the primary", () => {
  it('carries the raw header lines, the body and the answer as sent, with the secret and the client', async () => {
    const { secret, port, close } = await forwarding((req, res) => {
      let body = '';
      req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      req.on('end', () =>
        res
          .writeHead(201, ['X-Twice', 'a', 'X-Twice', 'b', 'content-type', 'application/json'])
          .end(JSON.stringify({ url: req.url, raw: req.rawHeaders, body })),
      );
    });
    const reply = await send(
      port,
      ['Host', 'api.local', 'X-Dup', '1', 'x-dup', '2', FORWARDED_HEADER, 'forged 10.0.0.1 1'],
      'hello',
    );
    close();
    expect(reply.status).toBe(201);
    expect(reply.raw.join('\n')).toContain('X-Twice\na\nX-Twice\nb');
    const seen = JSON.parse(reply.text) as { url: string; raw: string[]; body: string };
    expect(seen.url).toBe('/p?q=1');
    expect(seen.body).toBe('hello');
    expect(seen.raw.join('\n')).toContain('Host\napi.local\nX-Dup\n1\nx-dup\n2');
    // The client's own forwarding line is dropped; the forwarder's names the secret and the client.
    const forwarded = seen.raw.flatMap((name, i) =>
      i % 2 === 0 && name.toLowerCase() === FORWARDED_HEADER ? [seen.raw[i + 1]] : [],
    );
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]).toBe(`${secret} 127.0.0.1`);
  });

  it("keeps its own framing from an HTTP/1.0 client: the primary's chunks and keep-alive stay on the hop", async () => {
    const { port, close } = await forwarding((_req, res) => {
      // No length: to the gateway process the primary answers in chunks, keeping its connection.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('chunk one, ');
      res.end('chunk two');
    });
    const answer = await rawExchange(port, 'GET /p HTTP/1.0\r\nHost: api.local\r\n\r\n');
    close();
    const [head = '', body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head.toLowerCase()).not.toContain('transfer-encoding');
    expect(head.toLowerCase()).not.toContain('keep-alive');
    expect(body).toBe('chunk one, chunk two');
  });

  it('never lets a client unframe its body by naming Content-Length in Connection (no request smuggled to the primary)', async () => {
    const paths: string[] = [];
    const { port, close } = await forwarding((req, res) => {
      paths.push(req.url!);
      req.resume().on('end', () => res.end(`answer to ${req.url}`));
    });
    const smuggled = 'GET /attacker HTTP/1.1\r\nX-Ignore: ';
    const first = await rawExchange(
      port,
      `GET /a HTTP/1.1\r\nHost: api.local\r\nConnection: content-length, close\r\nContent-Length: ${smuggled.length}\r\n\r\n${smuggled}`,
    );
    const second = await send(port, ['Host', 'api.local']);
    close();
    expect(first).toContain('answer to /a');
    expect(second.text).toBe('answer to /p?q=1');
    expect(paths).toEqual(['/a', '/p?q=1']);
  });

  it("closes the connection after the primary's early answer, as the primary does", async () => {
    const { port, close } = await forwarding((req, res) => {
      lingerAfterEarlyAnswer(req, res);
      res.writeHead(413, { connection: 'close', 'content-type': 'text/plain' }).end('too large');
    });
    const socket = net.connect(port, '127.0.0.1');
    socket.write('PUT /big HTTP/1.1\r\nHost: api.local\r\nContent-Length: 10000000\r\n\r\n');
    socket.write('x'.repeat(1024));
    let answer = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    const ended = new Promise<number>((resolve) => {
      const at = Date.now();
      socket.on('end', () => resolve(Date.now() - at));
    });
    socket.on('error', () => undefined);
    // Ended well before the primary's 2 s linger would have closed it from the gateway's side.
    expect(await ended).toBeLessThan(1500);
    socket.destroy();
    close();
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain('connection: close');
  });

  it('aborts the forwarded request when the client hangs up', async () => {
    let aborted!: () => void;
    const primaryAborted = new Promise<void>((resolve) => (aborted = resolve));
    let arrived!: () => void;
    const primaryArrived = new Promise<void>((resolve) => (arrived = resolve));
    const { port, close } = await forwarding((req) => {
      arrived();
      req.on('close', () => aborted());
    });
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/',
      headers: { host: 'api.local' },
      agent: false,
    });
    req.on('error', () => undefined);
    req.write('part');
    await primaryArrived;
    req.destroy();
    await primaryAborted;
    close();
  });
});

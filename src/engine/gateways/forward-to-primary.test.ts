import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
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

  it("keeps each connection's own headers to it: an HTTP/1.0 client gets no chunks, the primary no client's Connection names", async () => {
    let seen: string[] = [];
    const { port, close } = await forwarding((req, res) => {
      seen = req.rawHeaders;
      // No length: to the gateway process the primary answers in chunks, keeping its connection.
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('chunk one, ');
      res.end('chunk two');
    });
    const socket = net.connect(port, '127.0.0.1');
    socket.write('GET /p HTTP/1.0\r\nHost: api.local\r\nConnection: X-Private\r\nX-Private: 1\r\nX-Kept: 2\r\n\r\n');
    let answer = '';
    socket.setEncoding('latin1').on('data', (chunk: string) => (answer += chunk));
    await new Promise((resolve) => socket.on('close', resolve));
    close();
    const [head = '', body] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 200 /);
    expect(head.toLowerCase()).not.toContain('transfer-encoding');
    expect(head.toLowerCase()).not.toContain('keep-alive');
    expect(body).toBe('chunk one, chunk two');
    const names = seen.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase());
    expect(names).toContain('x-kept');
    expect(names).not.toContain('x-private');
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

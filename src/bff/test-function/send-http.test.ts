import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendHttp } from './send-http';

// A custom domain is reached on the engine's own address with the domain in Host: that address may be IPv6.
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => res.end(`host ${req.headers.host}`));
  await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('sendHttp', () => {
  it('connects to an IPv6 engine address written as a URL writes it, naming the domain in Host', async () => {
    const connectHost = new URL(`http://[::1]:${port}`).hostname;
    const reply = await sendHttp({
      url: new URL(`http://shop.example.com:${port}/`),
      method: 'GET',
      headers: {},
      connectHost,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe(`host shop.example.com:${port}`);
  });
});

import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localConnection } from './connection';
import { startBff, type RunningBff } from './server';

const connection = localConnection({ endpoint: '127.0.0.1:9', accessKeyId: 'LTAIkey', accessKeySecret: 'secret' });

/** A request written byte for byte, as an attacker's client (or a rebinding browser) sends it. */
async function rawRequest(url: string, head: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  // Not end(): a half-closed socket is dropped by Node before an answer that awaits anything is written.
  socket.write(`${head}\r\nConnection: close\r\n\r\n`);
  let text = '';
  for await (const chunk of socket) text += String(chunk);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]), text };
}

describe('startBff', () => {
  it('listens on the given host and a free port, and closes', async () => {
    const bff = await startBff({ host: '127.0.0.1', port: 0, connection });
    try {
      expect(bff.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(bff.openUrl).toBe(bff.url);
      const res = await fetch(`${bff.url}/api/settings`);
      expect(await res.json()).toEqual({
        mode: 'local',
        region: 'cn-hangzhou',
        accountId: '1234567890123456',
        engineUrl: 'http://127.0.0.1:9',
        // Nothing listens there: the settings still load.
        functionIsolation: 'unknown',
      });
    } finally {
      await bff.close();
    }
    await expect(fetch(`${bff.url}/api/settings`)).rejects.toThrow();
  });

  it('refuses to listen on a non-loopback address without access protection', async () => {
    await expect(startBff({ host: '0.0.0.0', port: 0, connection })).rejects.toThrow(/FC_CONSOLE_AUTH=token/);
  });
});

describe('over real HTTP, the console answers only for its own address', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff({ host: '127.0.0.1', port: 0, connection });
  });
  afterAll(() => bff.close());

  it('Host: attacker.example (DNS rebinding) → 403 ForbiddenHost', async () => {
    const res = await rawRequest(bff.url, 'GET /api/settings HTTP/1.1\r\nHost: attacker.example');
    expect(res.status).toBe(403);
    expect(res.text).toContain('"code":"ForbiddenHost"');
    expect(res.text).not.toContain('engineUrl');
  });

  it('two Host headers, or an absolute target for another host, → 403', async () => {
    const port = new URL(bff.url).port;
    const twice = await rawRequest(
      bff.url,
      `GET /api/settings HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nHost: attacker.example`,
    );
    expect(twice.status).toBe(403);
    const absolute = await rawRequest(
      bff.url,
      `GET http://attacker.example/api/settings HTTP/1.1\r\nHost: 127.0.0.1:${port}`,
    );
    expect(absolute.status).toBe(403);
  });

  it('its own Host, on the port it listens on, is served', async () => {
    const port = new URL(bff.url).port;
    const res = await rawRequest(bff.url, `GET /api/settings HTTP/1.1\r\nHost: localhost:${port}`);
    expect(res.status).toBe(200);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHttpServer } from '../server';
import { clientAddressOf } from './client-address';
import { admitForwarded, FORWARDED_HEADER, forwardedValue, newForwardSecret } from './forwarded-listener';
import { closeServer, listen } from './listeners';

type Seen = { status: number; body: { Code?: string; address?: string; header?: string | null } };

function get(port: number, headers: Record<string, string>): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const req = http.get({
      host: '127.0.0.1',
      port,
      path: '/',
      headers: { host: 'api.local', ...headers },
      agent: false,
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
}

// The primary's internal listener (decision 044): what a gateway process forwards, and nothing else.
describe('the internal listener for forwarded requests', () => {
  const secret = newForwardSecret();
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    const seen = (req: http.IncomingMessage, res: http.ServerResponse) =>
      res.end(JSON.stringify({ address: clientAddressOf(req), header: req.headers[FORWARDED_HEADER] ?? null }));
    server = createEngineHttpServer({
      isGatewayHost: () => false,
      onGateway: seen,
      onOpenApi: seen,
      admit: admitForwarded(secret),
    });
    await listen(server, 0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => closeServer(server));

  it('serves a request with the secret as if from the client it names, the header taken off', async () => {
    const reply = await get(port, { [FORWARDED_HEADER]: forwardedValue(secret, '10.1.2.3') });
    expect(reply).toEqual({ status: 200, body: { address: '10.1.2.3', header: null } });
  });

  it('refuses a request without the secret, or with a wrong one', async () => {
    const forged = forwardedValue(newForwardSecret(), '10.1.2.3');
    const refusals = await Promise.all([
      get(port, {}),
      get(port, { [FORWARDED_HEADER]: forged }),
      get(port, { [FORWARDED_HEADER]: `${secret.slice(1)} 10.1.2.3 1` }),
    ]);
    for (const reply of refusals) expect(reply).toMatchObject({ status: 403, body: { Code: 'SignatureNotMatch' } });
  });
});

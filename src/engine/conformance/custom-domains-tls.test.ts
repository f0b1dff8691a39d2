import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONSOLE_REQUEST_HEADER } from '../../contract/recorded-request';
import { $FC } from '../openapi/testing/engine-kit';
import { MIRROR } from './fixtures';
import { call, deployFunction, startHarness, uniqueName, type Harness } from './harness';
import { selfSigned, type SelfSigned } from './testing/self-signed';

// Custom domains whose protocol includes HTTPS, served over real TLS on the engine's HTTPS port: the
// certificate is picked by the name the client asks for (SNI), from the domain's certConfig.
let h: Harness;
let functionName = '';
beforeAll(async () => {
  h = await startHarness({}, { httpsPort: 0 });
  functionName = await deployFunction(h, MIRROR);
});
afterAll(() => h.close());

const domainName = () => `${uniqueName('tls').replace(/_/g, '-').toLowerCase()}.localhost`;

async function createDomain(name: string, protocol: string, cert?: SelfSigned) {
  await h.client.createCustomDomain(
    new $FC.CreateCustomDomainRequest({
      body: new $FC.CreateCustomDomainInput({
        domainName: name,
        protocol,
        routeConfig: new $FC.RouteConfig({ routes: [new $FC.PathConfig({ path: '/*', functionName })] }),
        ...(cert ? { certConfig: new $FC.CertConfig({ certName: `${name}-cert`, ...cert }) } : {}),
      }),
    }),
  );
}

type TlsReply = { status: number; json: { rawPath?: string; Code?: string }; subject: string; fingerprint: string };

/** An HTTPS request to the engine's HTTPS port, asking for `servername` (SNI), trusting only `ca`. */
function viaTls(servername: string, ca: string, host = servername, path = '/'): Promise<TlsReply> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      { host: '127.0.0.1', port: h.engine.httpsPort, servername, path, headers: { host }, ca, agent: false },
      (res) => {
        const peer = (res.socket as tls.TLSSocket).getPeerCertificate();
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(body) as TlsReply['json'],
            subject: String(peer.subject.CN),
            fingerprint: peer.fingerprint256,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

/** Whether a TLS handshake asking for `servername` (none for an address) completes at all. */
function handshake(servername?: string): Promise<'completed' | 'refused'> {
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: '127.0.0.1',
      port: h.engine.httpsPort,
      ...(servername ? { servername } : {}),
      rejectUnauthorized: false,
    });
    socket.once('secureConnect', () => (socket.destroy(), resolve('completed')));
    socket.once('error', () => resolve('refused'));
  });
}

const viaHttp = (name: string, headers: Record<string, string> = {}) =>
  call(`http://${name}:${h.engine.port}`, { path: '/orders', headers });

describe('an HTTPS custom domain', () => {
  it('is served over TLS with its own certificate, picked by SNI among several domains', async () => {
    const [a, b] = [domainName(), domainName()];
    const [certA, certB] = [selfSigned(a), selfSigned(b)];
    await createDomain(a, 'HTTPS', certA);
    await createDomain(b, 'HTTP,HTTPS', certB);
    const replyA = await viaTls(a, certA.certificate, a, '/orders?id=1');
    expect(replyA).toMatchObject({ status: 200, subject: a, json: { rawPath: '/orders' } });
    const replyB = await viaTls(b, certB.certificate);
    expect(replyB).toMatchObject({ status: 200, subject: b });
    // HTTP,HTTPS: plain HTTP too.
    expect((await viaHttp(b)).status).toBe(200);
  });

  it('HTTPS only: still answers plain HTTP, the URL the console shows and reaches it by, with or without the console’s mark', async () => {
    const name = domainName();
    await createDomain(name, 'HTTPS', selfSigned(name));
    expect((await viaHttp(name)).status).toBe(200);
    expect((await viaHttp(name, { [CONSOLE_REQUEST_HEADER]: '1' })).status).toBe(200);
  });

  it('HTTP only: no certificate on TLS (the handshake fails), nor for a trigger host or no name at all', async () => {
    const name = domainName();
    await createDomain(name, 'HTTP');
    expect((await viaHttp(name)).status).toBe(200);
    expect(await handshake(name)).toBe('refused');
    expect(await handshake('nothing-here.localhost')).toBe('refused');
    expect(await handshake(undefined)).toBe('refused');
  });

  it('HTTP only, reached over TLS with another domain’s name: refused 403 DomainProtocolNotAllowed', async () => {
    const [secure, plain] = [domainName(), domainName()];
    const cert = selfSigned(secure);
    await createDomain(secure, 'HTTPS', cert);
    await createDomain(plain, 'HTTP');
    const reply = await viaTls(secure, cert.certificate, plain);
    expect(reply).toMatchObject({ status: 403, json: { Code: 'DomainProtocolNotAllowed' } });
  });

  it('closes with a client that connected and never shook hands, not after its handshake timeout', async () => {
    const other = await startHarness({}, { httpsPort: 0 });
    const idle = net.connect(other.engine.httpsPort!, '127.0.0.1');
    await new Promise((resolve) => idle.once('connect', resolve));
    const ended = new Promise((resolve) => idle.once('close', resolve));
    // The handshake timeout (10 s) would end it too, later; closing the engine ends it at once.
    let waited: NodeJS.Timeout | undefined;
    const tooLate = new Promise((_, reject) => {
      waited = setTimeout(() => reject(new Error('close() waited for the handshake')), 5_000);
    });
    await Promise.race([Promise.all([other.close(), ended]), tooLate]).finally(() => clearTimeout(waited));
  });

  it('uses an updated certificate from the next handshake on', async () => {
    const name = domainName();
    const [first, second] = [selfSigned(name), selfSigned(name)];
    await createDomain(name, 'HTTPS', first);
    const before = await viaTls(name, first.certificate);
    await h.client.updateCustomDomain(
      name,
      new $FC.UpdateCustomDomainRequest({
        body: new $FC.UpdateCustomDomainInput({ certConfig: new $FC.CertConfig({ certName: 'renewed', ...second }) }),
      }),
    );
    const after = await viaTls(name, second.certificate);
    expect(after.status).toBe(200);
    expect(after.fingerprint).not.toBe(before.fingerprint);
  });

  it('never answers or logs its private key: not in Get/ListCustomDomains, not in the line on a key that does not fit', async () => {
    const name = domainName();
    const cert = selfSigned(name);
    await createDomain(name, 'HTTPS', cert);
    const got = await h.client.getCustomDomain(name);
    expect(got.body?.certConfig?.certificate).toBe(cert.certificate);
    const listed = await h.client.listCustomDomains(new $FC.ListCustomDomainsRequest({ prefix: name }));
    for (const answer of [got.body, listed.body]) {
      expect(JSON.stringify(answer)).not.toContain('PRIVATE KEY');
      expect(JSON.stringify(answer)).not.toContain(cert.privateKey.split('\n')[1]);
    }

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const other = selfSigned(name);
      await h.client.updateCustomDomain(
        name,
        new $FC.UpdateCustomDomainRequest({
          body: new $FC.UpdateCustomDomainInput({
            certConfig: new $FC.CertConfig({
              certName: 'mismatched',
              certificate: cert.certificate,
              privateKey: other.privateKey,
            }),
          }),
        }),
      );
      // Handshakes repeated against a key that does not fit: refused each time, told once.
      for (let i = 0; i < 3; i++) expect(await handshake(name)).toBe('refused');
      const lines = warn.mock.calls.map((args) => args.join(' '));
      expect(lines.filter((line) => line.includes(name) && line.includes('certificate cannot be used'))).toHaveLength(
        1,
      );
      for (const line of lines) expect(line).not.toContain(other.privateKey.split('\n')[1]);
    } finally {
      warn.mockRestore();
    }
  });
});

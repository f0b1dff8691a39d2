import https from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { $FC } from '../openapi/testing/engine-kit';
import { MIRROR } from './fixtures';
import { deployFunction, startHarness, uniqueName, type Harness } from './harness';
import { selfSigned, type SelfSigned } from './testing/self-signed';

// A custom domain's tlsConfig (the TLS versions and, below TLS 1.3, the cipher suites it accepts),
// held to on the engine's HTTPS port. The test certificates are P-256, hence the ECDSA suites.
let h: Harness;
let functionName = '';
beforeAll(async () => {
  h = await startHarness({}, { httpsPort: 0 });
  functionName = await deployFunction(h, MIRROR);
});
afterAll(() => h.close());

async function secureDomain(tlsConfig: $FC.TLSConfig): Promise<{ name: string; cert: SelfSigned }> {
  const name = `${uniqueName('tlscfg').replace(/_/g, '-').toLowerCase()}.localhost`;
  const cert = selfSigned(name);
  await h.client.createCustomDomain(
    new $FC.CreateCustomDomainRequest({
      body: new $FC.CreateCustomDomainInput({
        domainName: name,
        protocol: 'HTTPS',
        routeConfig: new $FC.RouteConfig({ routes: [new $FC.PathConfig({ path: '/*', functionName })] }),
        certConfig: new $FC.CertConfig({ certName: `${name}-cert`, ...cert }),
        tlsConfig,
      }),
    }),
  );
  return { name, cert };
}

type ClientTls = { maxVersion?: 'TLSv1.2' | 'TLSv1.3'; ciphers?: string };

/** The status of an HTTPS request to the domain, or 'closed' when the connection ended without one. */
function statusOver(
  domain: { name: string; cert: SelfSigned },
  client: ClientTls = {},
  host = domain.name,
): Promise<number | 'closed'> {
  return new Promise((resolve) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port: h.engine.httpsPort,
        servername: domain.name,
        headers: { host },
        ca: domain.cert.certificate,
        agent: false,
        ...client,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('error', () => resolve('closed'));
    request.end();
  });
}

describe('a custom domain’s tlsConfig', () => {
  it('minVersion TLSv1.3: a TLS 1.2 client is cut off, a TLS 1.3 one served', async () => {
    const domain = await secureDomain(new $FC.TLSConfig({ minVersion: 'TLSv1.3', cipherSuites: [] }));
    expect(await statusOver(domain, { maxVersion: 'TLSv1.2' })).toBe('closed');
    expect(await statusOver(domain)).toBe(200);
  });

  it('maxVersion TLSv1.2 with one cipher suite: only that suite is served, over TLS 1.2', async () => {
    const domain = await secureDomain(
      new $FC.TLSConfig({
        minVersion: 'TLSv1.2',
        maxVersion: 'TLSv1.2',
        cipherSuites: ['TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
      }),
    );
    expect(await statusOver(domain)).toBe('closed'); // the client's TLS 1.3
    expect(await statusOver(domain, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' })).toBe(
      'closed',
    );
    expect(await statusOver(domain, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256' })).toBe(200);
  });

  it('holds for the domain the Host names, when SNI asked for a laxer one', async () => {
    const strict = await secureDomain(new $FC.TLSConfig({ minVersion: 'TLSv1.3', cipherSuites: [] }));
    const lax = await secureDomain(new $FC.TLSConfig({}));
    expect(await statusOver(lax, { maxVersion: 'TLSv1.2' }, strict.name)).toBe('closed');
    expect(await statusOver(lax, {}, strict.name)).toBe(200);
  });

  it('none set: any version and suite the listener speaks', async () => {
    const domain = await secureDomain(new $FC.TLSConfig({}));
    expect(await statusOver(domain)).toBe(200);
    expect(await statusOver(domain, { maxVersion: 'TLSv1.2', ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384' })).toBe(200);
  });
});

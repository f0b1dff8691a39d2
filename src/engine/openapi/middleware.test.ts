import { OpenApiUtil } from '@alicloud/openapi-core';
import { describe, expect, it } from 'vitest';
import { OPENAPI_BODY_LIMITS } from '../../contract/openapi-body-limits';
import { acs3Timestamp, sha256Hex } from '../../contract/acs3-signature';
import { $FC, createFunction, HELLO_ZIP, sdkError, useTestEngine } from './testing/engine-kit';
import {
  captureSdkRequest,
  replay,
  sendAfterContinue,
  sendStreamed,
  signedHeaders,
  zeroBytes,
} from './testing/raw-openapi-client';

const MB = 1024 * 1024;
const FUNCTIONS = '/2023-03-30/functions';

describe('the OpenAPI edge, as an attacker tries it', () => {
  const kit = useTestEngine();

  it('refuses an unsigned 95 MB body without reading it, and closes the connection', async () => {
    const reply = await sendStreamed(kit.engine, {
      method: 'POST',
      path: FUNCTIONS,
      headers: { 'content-type': 'application/json' },
      chunks: zeroBytes(95 * MB),
    });
    expect(reply).toMatchObject({ status: 400, body: { Code: 'MissingRequiredHeader' }, sentAll: false });
    expect(reply.bytesSent).toBeLessThan(95 * MB);
  });

  it('closes the connection under a client that keeps sending its 95 MB after the answer', async () => {
    const reply = await sendStreamed(
      kit.engine,
      { method: 'POST', path: FUNCTIONS, headers: {}, chunks: zeroBytes(95 * MB) },
      { keepWriting: true },
    );
    expect(reply).toMatchObject({ status: 400, body: { Code: 'MissingRequiredHeader' }, sentAll: false });
    expect(reply.bytesSent).toBeLessThan(95 * MB);
  });

  it('refuses a 95 MB body signed with the wrong secret without reading it', async () => {
    const wrongKey = { ...kit.engine.credentials, accessKeySecret: 'not-the-secret-000000000000000' };
    const headers = signedHeaders(kit.engine, { method: 'POST', path: FUNCTIONS, body: new Uint8Array() }, wrongKey);
    const reply = await sendStreamed(kit.engine, {
      method: 'POST',
      path: FUNCTIONS,
      headers,
      chunks: zeroBytes(95 * MB),
    });
    expect(reply).toMatchObject({ status: 403, body: { Code: 'SignatureNotMatch' }, sentAll: false });
  });

  it('refuses a signed request whose content-length is over the limit before any byte of it arrives', async () => {
    const headers = signedHeaders(kit.engine, { method: 'POST', path: FUNCTIONS, body: new Uint8Array() });
    const reply = await sendStreamed(kit.engine, {
      method: 'POST',
      path: FUNCTIONS,
      headers: { ...headers, 'content-length': String(OPENAPI_BODY_LIMITS.functionBytes + 1) },
      chunks: [],
    });
    expect(reply).toMatchObject({ status: 400, body: { Code: 'EntityTooLarge' } });
    expect(reply.body.Message).toContain(`${OPENAPI_BODY_LIMITS.functionBytes} bytes`);
  });

  it('stops reading a signed chunked body at the limit and creates nothing', async () => {
    await createFunction(kit.client, 'fn');
    const path = `${FUNCTIONS}/fn/triggers`;
    const headers = signedHeaders(kit.engine, { method: 'POST', path, body: new Uint8Array() });
    const reply = await sendStreamed(kit.engine, { method: 'POST', path, headers, chunks: zeroBytes(64 * MB) });
    expect(reply).toMatchObject({ status: 400, body: { Code: 'EntityTooLarge' }, sentAll: false });
    const triggers = await kit.client.listTriggers('fn', new $FC.ListTriggersRequest({}));
    expect(triggers.body?.triggers ?? []).toEqual([]);
  });

  it('refuses a body that is not the one whose hash was signed, and creates nothing', async () => {
    const signedBody = JSON.stringify({ functionName: 'signed', runtime: 'nodejs20', code: { zipFile: HELLO_ZIP } });
    const sentBody = signedBody.replace('signed', 'forged');
    const headers = signedHeaders(kit.engine, { method: 'POST', path: FUNCTIONS, body: Buffer.from(signedBody) });
    const reply = await sendStreamed(kit.engine, {
      method: 'POST',
      path: FUNCTIONS,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(sentBody)) },
      chunks: [Buffer.from(sentBody)],
    });
    expect(reply).toMatchObject({ status: 403, body: { Code: 'SignatureNotMatch' } });
    for (const name of ['signed', 'forged']) {
      const error = await sdkError(kit.client.getFunction(name, new $FC.GetFunctionRequest({})));
      expect(error.code).toBe('FunctionNotFound');
    }
  });

  it('answers the SDK’s exact request once: sent again, it is refused and publishes nothing', async () => {
    await createFunction(kit.client, 'fn');
    const publish = await captureSdkRequest(kit.engine, (client) =>
      client.publishFunctionVersion(
        'fn',
        new $FC.PublishFunctionVersionRequest({ body: new $FC.PublishVersionInput({}) }),
      ),
    );
    const first = await replay(kit.engine, publish);
    expect(first.status).toBe(200);
    const second = await replay(kit.engine, publish);
    expect(second).toMatchObject({ status: 400, body: { Code: 'SignatureNonceUsed' } });
    const versions = await kit.client.listFunctionVersions('fn', new $FC.ListFunctionVersionsRequest({}));
    expect(versions.body?.versions?.map((v) => v.versionId)).toEqual(['1']);
  });

  it('tells a client waiting on 100-continue to send its body only when the signature holds', async () => {
    const body = Buffer.from(
      JSON.stringify({ functionName: 'asked', runtime: 'nodejs20', code: { zipFile: HELLO_ZIP } }),
    );
    const wrongKey = { ...kit.engine.credentials, accessKeySecret: 'not-the-secret-000000000000000' };
    const refused = await sendAfterContinue(kit.engine, {
      method: 'POST',
      path: FUNCTIONS,
      headers: signedHeaders(kit.engine, { method: 'POST', path: FUNCTIONS, body }, wrongKey),
      body,
    });
    expect(refused).toMatchObject({ continued: false, status: 403, body: { Code: 'SignatureNotMatch' } });
    const accepted = await sendAfterContinue(kit.engine, {
      method: 'POST',
      path: FUNCTIONS,
      headers: signedHeaders(kit.engine, { method: 'POST', path: FUNCTIONS, body }),
      body,
    });
    expect(accepted).toMatchObject({ continued: true, status: 200 });
  });

  it('refuses a signed request without a nonce', async () => {
    const headers: Record<string, string> = {
      host: `127.0.0.1:${kit.engine.port}`,
      'x-acs-action': 'ListFunctions',
      'x-acs-date': acs3Timestamp(Date.now()),
      'x-acs-content-sha256': sha256Hex(''),
    };
    const request = { method: 'GET', pathname: FUNCTIONS, query: {}, headers };
    const { accessKeyId, accessKeySecret } = kit.engine.credentials;
    headers['Authorization'] = OpenApiUtil.getAuthorization(
      request as never,
      'ACS3-HMAC-SHA256',
      sha256Hex(''),
      accessKeyId,
      accessKeySecret,
    );
    const reply = await sendStreamed(kit.engine, { method: 'GET', path: FUNCTIONS, headers, chunks: [] });
    expect(reply).toMatchObject({ status: 400, body: { Code: 'MissingRequiredHeader' } });
    expect(reply.body.Message).toContain('x-acs-signature-nonce');
  });
});

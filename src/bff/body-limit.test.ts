import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_BODY_LIMITS } from '../contract/console-body-limits';
import { REQUEST_LIMITS } from '../contract/request-limits';
import { localConnection } from './connection';
import { openConsoleStore } from './console-store/console-store';
import { startBff, type RunningBff } from './server';
import { sendStreamed, zeroChunks } from './testing/streamed-request';

// Nothing listens there: these requests are answered before FC is called, or by the console's own store.
const connection = localConnection({ endpoint: '127.0.0.1:9', accessKeyId: 'LTAIkey', accessKeySecret: 'secret' });
const JSON_TYPE = { 'content-type': 'application/json' };
const MB = 1024 * 1024;

/** A JSON body of exactly `bytes` bytes: a custom domain whose name is far too long (the schema refuses it). */
function domainBodyOf(bytes: number): Uint8Array {
  const frame = '{"domainName":""}';
  return Buffer.from(`{"domainName":"${'a'.repeat(bytes - frame.length)}"}`);
}

describe('over real HTTP, the console API reads at most its limit of a body', () => {
  let bff: RunningBff;
  beforeAll(async () => {
    bff = await startBff({ host: '127.0.0.1', port: 0, connection, consoleStore: openConsoleStore(':memory:') });
  });
  afterAll(() => bff.close());

  it('refuses a declared length over the limit with 413 before reading the body', async () => {
    const declared = CONSOLE_BODY_LIMITS.codeOrTestBytes + 1;
    const reply = await sendStreamed(bff.url, {
      method: 'PUT',
      path: '/api/functions/fn/code',
      headers: { ...JSON_TYPE, 'content-length': String(declared) },
      chunks: zeroChunks(declared / MB),
    });
    expect(reply).toMatchObject({ status: 413, body: { code: 'RequestBodyTooLarge' }, sentAll: false });
    expect(reply.body.message).toBe(
      'This request’s body is over 101 MB. The console’s API reads a body only up to its route’s limit, and no further. ' +
        'Send a smaller body: code and test requests fit FC’s own limits (a 100 MB base64 code zip, a 32 MB synchronous body).',
    );
  });

  it('cuts a chunked body with no length at the limit of its route', async () => {
    const reply = await sendStreamed(bff.url, {
      method: 'POST',
      path: '/api/custom-domains',
      headers: JSON_TYPE,
      chunks: zeroChunks(64),
    });
    expect(reply).toMatchObject({ status: 413, body: { code: 'RequestBodyTooLarge' }, sentAll: false });
    expect(reply.body.message).toContain('over 6 MB');
  });

  it('stores nothing of a chunked test request past the limit', async () => {
    const reply = await sendStreamed(bff.url, {
      method: 'POST',
      path: '/api/functions/fn/test-requests',
      headers: JSON_TYPE,
      chunks: zeroChunks(CONSOLE_BODY_LIMITS.codeOrTestBytes / MB + 64),
    });
    expect(reply).toMatchObject({ status: 413, body: { code: 'RequestBodyTooLarge' }, sentAll: false });
    const saved = await sendStreamed(bff.url, {
      method: 'GET',
      path: '/api/functions/fn/test-requests',
      headers: {},
      chunks: [],
    });
    expect(saved.body).toEqual({ testRequests: [] });
  }, 120_000);

  it.each([
    ['declared', (body: Uint8Array) => ({ 'content-length': String(body.length) })],
    ['chunked', () => ({})],
  ])('reads a %s body of exactly the limit and hands it to the schema', async (_, length) => {
    const body = domainBodyOf(CONSOLE_BODY_LIMITS.otherBytes);
    const reply = await sendStreamed(bff.url, {
      method: 'POST',
      path: '/api/custom-domains',
      headers: { ...JSON_TYPE, ...length(body) },
      chunks: [body],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('InvalidArgument');
    expect(reply.body.message).toContain('domainName');
  });

  it('saves a test request with the largest body a trigger takes, escaped as JSON', async () => {
    // Quotes and newlines double in a JSON string: 32 MB of them is a 64 MB request to the console.
    const text = '"\n'.repeat(REQUEST_LIMITS.syncBodyBytes / 2);
    const request = { kind: 'http', method: 'POST', path: '/', query: [], headers: [], bodyType: 'text', body: text };
    const path = '/api/functions/big/test-requests';
    const body = Buffer.from(JSON.stringify({ name: 'largest', request }));
    expect(body.length).toBeGreaterThan(2 * REQUEST_LIMITS.syncBodyBytes);
    const created = await sendStreamed(bff.url, { method: 'POST', path, headers: JSON_TYPE, chunks: [body] });
    expect(created.status).toBe(201);
    const saved = (await sendStreamed(bff.url, { method: 'GET', path, headers: {}, chunks: [] })).body as {
      testRequests: Array<{ request: { body: string } }>;
    };
    expect(saved.testRequests.map((r) => r.request.body.length)).toEqual([REQUEST_LIMITS.syncBodyBytes]);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { applyNext, isAsyncInvocation, mimeType } from './gateway-context';
import { makeContext } from './testing/gateway-context';

describe('applyNext', () => {
  it("sets added headers over the client's own, by lower-case name", () => {
    const ctx = makeContext({ headers: { 'x-uid': 'forged', accept: '*/*' } });
    expect(applyNext(ctx, { next: true, addRequestHeaders: { 'X-Uid': 'u-42' } }).headers).toEqual({
      'x-uid': 'u-42',
      accept: '*/*',
    });
  });

  it('sets added query parameters, replacing any the client sent', () => {
    const ctx = makeContext({ query: 'name=forged&page=2' });
    expect(applyNext(ctx, { next: true, addQuery: { name: 'Ada Lovelace' } }).query).toBe('name=Ada+Lovelace&page=2');
  });

  it('sets added fields in a form body and updates its length', () => {
    const body = Buffer.from('role=guest&x=1');
    const ctx = makeContext({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      bodyLength: body.length,
    });
    const next = applyNext(ctx, { next: true, addFormFields: { role: 'admin' } });
    expect(next.body?.toString()).toBe('role=admin&x=1');
    expect(next.bodyLength).toBe(next.body?.length);
  });

  it('leaves a body that is not a form alone', () => {
    const body = Buffer.from('{"role":"guest"}');
    const ctx = makeContext({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      bodyLength: body.length,
    });
    expect(applyNext(ctx, { next: true, addFormFields: { role: 'admin' } }).body).toBe(body);
  });
});

describe('request helpers', () => {
  it('reads the invocation type case-insensitively', () => {
    expect(isAsyncInvocation({ headers: { 'x-fc-invocation-type': 'ASYNC' } })).toBe(true);
    expect(isAsyncInvocation({ headers: { 'x-fc-invocation-type': 'Sync' } })).toBe(false);
    expect(isAsyncInvocation({ headers: {} })).toBe(false);
  });

  it('takes the MIME type without parameters', () => {
    expect(mimeType('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mimeType(undefined)).toBe('');
  });
});

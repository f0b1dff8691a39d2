import { describe, expect, it } from 'vitest';
import { checkMethod } from './methods';
import { answered, makeContext } from './testing/gateway-context';

describe('checkMethod', () => {
  it('lets a listed method through', () => {
    expect(checkMethod(makeContext({ method: 'POST' }))).toEqual({ next: true });
  });

  it('refuses a method the trigger does not list with 403, naming it and the allowed ones', () => {
    const response = answered(checkMethod(makeContext({ method: 'DELETE' })));
    expect(response.status).toBe(403);
    expect(response.json.Code).toBe('MethodNotAllowed');
    expect(response.json.Message).toBe('The method DELETE is not allowed by the trigger; allowed methods: GET, POST.');
  });

  it('refuses HEAD when only GET is listed: each method is configured on its own', () => {
    expect(answered(checkMethod(makeContext({ method: 'HEAD' }))).status).toBe(403);
  });

  it('refuses OPTIONS when it is not listed (the pipeline answers preflights before this)', () => {
    expect(answered(checkMethod(makeContext({ method: 'OPTIONS' }))).status).toBe(403);
  });

  it('compares methods case-insensitively', () => {
    expect(checkMethod(makeContext({ method: 'post' }))).toEqual({ next: true });
  });
});

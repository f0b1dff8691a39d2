import { describe, expect, it } from 'vitest';
import { answered, makeContext } from '../testing/gateway-context';
import { checkBearer } from './bearer';

const TOKEN_A = 'tokenAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+/=-~.';
const TOKEN_B = 'tokenBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
const config = {
  tokens: [
    { name: 'ci', token: TOKEN_A },
    { name: 'mobile', token: TOKEN_B },
  ],
};

const request = (authorization?: string) =>
  makeContext({ headers: authorization === undefined ? {} : { authorization } });

describe('Bearer authentication', () => {
  it('lets any configured token through', () => {
    expect(checkBearer(request(`Bearer ${TOKEN_A}`), config)).toEqual({ next: true });
    expect(checkBearer(request(`bearer ${TOKEN_B}`), config)).toEqual({ next: true });
  });

  it('answers a missing Authorization header with 401 and the real message', () => {
    const response = answered(checkBearer(request(), config));
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      Code: 'Unauthorized',
      Message: 'Authorization header is expected but missing',
    });
    expect(response.headers['www-authenticate']).toBe('Bearer');
  });

  it('answers a wrong token with 401 "access denied due to invalid bearer token", never echoing it', () => {
    const wrong = TOKEN_A.slice(0, -1) + 'X';
    const response = answered(checkBearer(request(`Bearer ${wrong}`), config));
    expect(response.status).toBe(401);
    expect(response.json.Message).toBe('access denied due to invalid bearer token');
    expect(response.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(response.body).not.toContain(wrong);
  });

  it('refuses a prefix of a real token and another scheme as invalid', () => {
    expect(answered(checkBearer(request(`Bearer ${TOKEN_A.slice(0, 32)}`), config)).json.Message).toBe(
      'access denied due to invalid bearer token',
    );
    expect(answered(checkBearer(request(`Basic ${TOKEN_A}`), config)).status).toBe(401);
    expect(answered(checkBearer(request('Bearer'), config)).status).toBe(401);
  });
});

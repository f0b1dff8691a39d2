import { describe, expect, it } from 'vitest';
import { answered, makeContext } from '../testing/gateway-context';
import { checkBasic } from './basic';

const config = {
  users: [
    { username: 'alice-account', password: 'Alice#Password1' },
    { username: 'bob-the-builder', password: 'B0b$Builds-Things' },
  ],
};

function withAuthorization(value?: string) {
  return makeContext({ headers: value === undefined ? {} : { authorization: value } });
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('Basic authentication', () => {
  it('lets a configured user with the right password through', () => {
    expect(checkBasic(withAuthorization(basic('alice-account', 'Alice#Password1')), config)).toEqual({ next: true });
    expect(checkBasic(withAuthorization(basic('bob-the-builder', 'B0b$Builds-Things')), config)).toEqual({
      next: true,
    });
  });

  it('accepts a password that contains a colon, and a lower-case scheme', () => {
    const users = [{ username: 'colon-person', password: 'Pass:Word#123' }];
    expect(
      checkBasic(withAuthorization(basic('colon-person', 'Pass:Word#123').replace('Basic', 'basic')), { users }),
    ).toEqual({ next: true });
  });

  it('challenges a missing Authorization header with 401 and WWW-Authenticate: Basic', () => {
    const response = answered(checkBasic(withAuthorization(), config));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic realm="[^"]+"/);
    expect(response.json).toMatchObject({
      Code: 'Unauthorized',
      Message: 'Authorization header is expected but missing',
    });
  });

  it('refuses a wrong password with 401 and a challenge, without echoing the password', () => {
    const response = answered(checkBasic(withAuthorization(basic('alice-account', 'Wrong#Password1')), config));
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toMatch(/^Basic /);
    expect(response.body).not.toContain('Wrong#Password1');
  });

  it("refuses one user's name with another user's password", () => {
    expect(answered(checkBasic(withAuthorization(basic('alice-account', 'B0b$Builds-Things')), config)).status).toBe(
      401,
    );
  });

  it('refuses an unknown user, a malformed header and another scheme', () => {
    expect(answered(checkBasic(withAuthorization(basic('mallory-xxxxx', 'Alice#Password1')), config)).status).toBe(401);
    expect(answered(checkBasic(withAuthorization('Basic not-base64!'), config)).status).toBe(401);
    expect(
      answered(checkBasic(withAuthorization(`Basic ${Buffer.from('no-colon').toString('base64')}`), config)).status,
    ).toBe(401);
    expect(answered(checkBasic(withAuthorization('Bearer abc'), config)).status).toBe(401);
  });
});

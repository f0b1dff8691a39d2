import { removeHeader, setHeader, type Draft } from './draft';
import { authorize, type GatewayTarget } from './gateway-target';
import { ANY_BYTE, PRINTABLE, type Random } from './random';

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');
const b64url = (text: string) => Buffer.from(text).toString('base64url');

/** A token that looks like a JWT: three dot-separated parts, some of them decodable. */
function fakeJwt(rng: Random): string {
  const header = rng.pick([
    '{"alg":"none","typ":"JWT"}',
    '{"alg":"HS256","kid":"fuzz"}',
    '{"alg":"RS256","kid":"fuzz"}',
    '{"alg":"HS256","kid":{"x":1}}',
    '{"alg":"HS256","crit":["exp"]}',
    `{"alg":"HS256","kid":"${'k'.repeat(rng.size(20_000))}"}`,
    'not json',
    '{}',
  ]);
  const payload = rng.pick([
    '{"sub":"fuzzer"}',
    '{"exp":1}',
    '{"nbf":99999999999}',
    '[]',
    'null',
    `{"sub":"${'s'.repeat(rng.size(20_000))}"}`,
  ]);
  const signature = rng.pick(['', 'AAAA', rng.string(43, 'abcdefghijklmnopqrstuvwxyz0123456789-_'), '!!!']);
  return rng.pick([
    `${b64url(header)}.${b64url(payload)}.${signature}`,
    `${b64url(header)}.${b64url(payload)}`,
    '...',
    '.',
    rng.string(rng.int(1, 300), PRINTABLE),
  ]);
}

function basic(rng: Random, target: GatewayTarget): string {
  const { username, password } = target.targets.basic;
  return rng.pick([
    `Basic ${b64(`${username}:wrong-${password}`)}`,
    `Basic ${b64(username)}`,
    `Basic ${b64(`:${password}`)}`,
    `Basic ${b64(`${username}:${password}:extra`)}`,
    'Basic',
    'Basic ',
    'Basic !!!notbase64',
    `basic ${b64(`${username}:${password}`)}`,
    `Basic ${b64(rng.string(rng.int(1, 200), ANY_BYTE))}`,
    `Basic ${'A'.repeat(rng.size(70_000))}`,
    `Basic  ${b64(`${username}:${password}`)}`,
    `Bearer ${b64(`${username}:${password}`)}`,
    `Basic ${b64(`${username}:${password}`)}=`,
  ]);
}

function bearer(rng: Random, target: GatewayTarget): string {
  const token = target.trigger.auth === 'jwt' ? target.targets.jwt.valid : target.targets.bearerToken;
  return rng.pick([
    `Bearer ${token}x`,
    `Bearer ${token.slice(1)}`,
    'Bearer',
    'Bearer ',
    `bearer ${token}`,
    `Bearer  ${token}`,
    `Bearer ${token} ${token}`,
    `Bearer ${fakeJwt(rng)}`,
    `Bearer ${target.targets.jwt.foreignKey}`,
    `Bearer ${rng.string(rng.int(1, 200), ANY_BYTE)}`,
    `Bearer ${'t'.repeat(rng.size(70_000))}`,
    `Token ${token}`,
  ]);
}

function signature(d: Draft, rng: Random, target: GatewayTarget): string {
  authorize(d, target);
  const choice = rng.int(0, 5);
  if (choice === 0) {
    const date = rng.pick([
      '0',
      '9999-99-99T99:99:99Z',
      '1970-01-01T00:00:00Z',
      '2999-01-01T00:00:00Z',
      '',
      'x'.repeat(rng.size(10_000)),
      new Date(Date.now() - 20 * 60_000).toISOString(),
    ]);
    setHeader(d, 'x-acs-date', date);
    return `signed, then x-acs-date ${JSON.stringify(date.slice(0, 30))}`;
  }
  if (choice === 1) {
    setHeader(d, 'x-acs-content-sha256', rng.pick(['', 'zz', '0'.repeat(64), 'A'.repeat(rng.size(10_000))]));
    return 'signed, then x-acs-content-sha256 changed';
  }
  if (choice === 2) {
    d.headers.push(['Authorization', rng.pick(['ACS3-HMAC-SHA256 Credential=x,SignedHeaders=host,Signature=00', 'x'])]);
    return 'signed, then a second Authorization';
  }
  if (choice === 3) {
    d.headers.push(['x-acs-extra', 'unsigned']);
    return 'signed, then an unsigned x-acs-* header added';
  }
  const authorization = rng.pick([
    'ACS3-HMAC-SHA256',
    'ACS3-HMAC-SHA256 Credential=,SignedHeaders=,Signature=',
    `ACS3-HMAC-SHA256 Credential=${target.targets.keys.accessKeyId},SignedHeaders=host;${'x;'.repeat(rng.size(5000))},Signature=00`,
    `ACS3-HMAC-SHA256 Credential=${target.targets.keys.accessKeyId},SignedHeaders=host,Signature=${'f'.repeat(rng.size(20_000))}`,
    'ACS3-HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=ab',
    rng.string(rng.int(1, 200), ANY_BYTE),
  ]);
  setHeader(d, 'Authorization', authorization);
  return `Authorization ${JSON.stringify(authorization.slice(0, 60))}`;
}

/** Credentials that are nearly right, wrong, huge, or in more than one place, for the trigger's auth type. */
export function authMutation(d: Draft, rng: Random, target: GatewayTarget): string {
  const auth = target.trigger.auth;
  if (auth === 'function') return signature(d, rng, target);
  if (auth === 'jwt' && rng.chance(0.4)) {
    removeHeader(d, 'Authorization');
    const where = rng.pick(['cookie', 'query', 'form']);
    const token = rng.chance(0.3) ? target.targets.jwt.valid : fakeJwt(rng);
    if (where === 'cookie')
      d.headers.push([
        'Cookie',
        rng.pick([
          `fuzz_jwt=${token}`,
          `fuzz_jwt=${token}; fuzz_jwt=x`,
          `fuzz_jwt`,
          `=;;=${token}`,
          `fuzz_jwt="${token}`,
        ]),
      ]);
    if (where === 'query')
      d.target = `${d.target}${d.target.includes('?') ? '&' : '?'}jwt=${rng.pick([token, '%zz', '', `${token}&jwt=x`])}`;
    if (where === 'form') {
      d.body = Buffer.from(rng.pick([`jwt=${token}`, 'jwt=%zz&jwt', '=&&=', `jwt=${'a'.repeat(rng.size(100_000))}`]));
      setHeader(d, 'Content-Type', 'application/x-www-form-urlencoded');
      setHeader(d, 'Content-Length', String(d.body.length));
    }
    return `JWT in ${where}`;
  }
  const value = auth === 'basic' ? basic(rng, target) : bearer(rng, target);
  if (rng.chance(0.2)) {
    authorize(d, target);
    d.headers.push(['Authorization', value]);
    return `valid Authorization, then a second ${JSON.stringify(value.slice(0, 40))}`;
  }
  setHeader(d, 'Authorization', value);
  return `Authorization ${JSON.stringify(value.slice(0, 60))} (${value.length} bytes)`;
}

import assert from 'node:assert/strict';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { signAcs3 } from '../../src/contract/acs3-signature';
import { call, deployFunction, deployTrigger, hostOf, type Harness } from '../../src/engine/conformance/harness';
import { $FC } from '../../src/engine/openapi/testing/engine-kit';
import type { Check } from './check';
import { WHO } from './functions';

type Keys = { jwks: { keys: object[] }; token(claims?: object): Promise<string> };

let keys: Promise<Keys> | undefined;
/** One RS256 key pair for the run: its public JWKS for the triggers, its private key to sign tokens. */
function jwtKeys(): Promise<Keys> {
  keys ??= (async () => {
    const pair = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const token = (claims: object = {}) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setExpirationTime('5m')
        .sign(pair.privateKey);
    return { jwks: { keys: [jwk] }, token };
  })();
  return keys;
}

const storedConfig = async (h: Harness, functionName: string, triggerName: string) =>
  JSON.parse((await h.client.getTrigger(functionName, triggerName)).body!.triggerConfig!) as Record<string, unknown>;

export const TRIGGER_CHECKS: Check[] = [
  {
    name: 'anonymous trigger: answered over HTTP; the event names its triggerId; code checksum and version headers',
    async run({ h, name }) {
      const fn = await deployFunction(h, WHO, name('anon'));
      const { urlInternet, triggerName } = await deployTrigger(h, fn, { methods: ['GET'], authType: 'anonymous' });
      const { triggerId } = (await h.client.getTrigger(fn, triggerName)).body!;
      const { codeChecksum } = (await h.client.getFunction(fn, new $FC.GetFunctionRequest({}))).body!;
      const reply = await call(urlInternet);
      assert.equal(reply.status, 200, reply.text);
      assert.equal(reply.json().triggerId, triggerId);
      assert.equal(reply.headers['x-fc-code-checksum'], codeChecksum);
      assert.equal(reply.headers['x-fc-invocation-service-version'], 'LATEST');
    },
  },
  {
    name: 'Signature trigger: stored as authType function; unsigned refused, signed with the AccessKey served',
    async run({ h, name, spelling }) {
      const fn = await deployFunction(h, WHO, name('signed'));
      const { urlInternet, triggerName } = await deployTrigger(h, fn, spelling.signatureTrigger(['POST']));
      assert.equal((await storedConfig(h, fn, triggerName)).authType, 'function');
      const unsigned = await call(urlInternet, { method: 'POST', path: '/pay', body: '{}' });
      assert.ok([400, 401, 403].includes(unsigned.status), `unsigned: ${unsigned.status}`);
      const { accessKeyId, accessKeySecret } = h.engine.credentials;
      const headers = signAcs3(
        { method: 'POST', rawPath: '/pay', query: '', headers: { host: hostOf(urlInternet) }, body: Buffer.from('{}') },
        { accessKeyId, accessKeySecret },
      );
      delete headers.host;
      const signed = await call(urlInternet, { method: 'POST', path: '/pay', body: '{}', headers });
      assert.equal(signed.status, 200, signed.text);
    },
  },
  {
    name: 'JWT trigger: accepted, answered in the SDK spelling; a valid token passes, none is 401; claims passed on',
    async run({ h, name, spelling }) {
      const { jwks, token } = await jwtKeys();
      const fn = await deployFunction(h, WHO, name('jwt'));
      const settings = {
        jwks,
        tokenLookup: 'header:Authorization:Bearer ',
        claimPassBy: spelling.name === 'sdk' ? 'header:uid:x-uid' : undefined,
      };
      const { urlInternet, triggerName } = await deployTrigger(h, fn, spelling.jwtTrigger(['GET'], settings));
      const authConfig = (await storedConfig(h, fn, triggerName)).authConfig as Record<string, unknown>;
      assert.deepEqual(Object.keys(authConfig).sort(), ['ClaimPassBy', 'JWKS', 'TokenLookup']);
      assert.equal((await call(urlInternet, { path: '/orders' })).status, 401);
      const passed = await call(urlInternet, {
        path: '/orders',
        headers: { authorization: `Bearer ${await token({ uid: 'u-1' })}` },
      });
      assert.equal(passed.status, 200, passed.text);
      if (spelling.name === 'sdk') assert.equal((passed.json().headers as Record<string, string>)['X-Uid'], 'u-1');
      else assert.deepEqual(passed.json().query, {});
    },
  },
  {
    name: 'JWT whitelist: a listed path needs no token, another path does',
    async run({ h, name, spelling }) {
      const { jwks, token } = await jwtKeys();
      const fn = await deployFunction(h, WHO, name('white'));
      const config = spelling.jwtTrigger(['GET'], { jwks, tokenLookup: 'query:jwt', whitelist: ['/public/*'] });
      const { urlInternet, triggerName } = await deployTrigger(h, fn, config);
      const answered = (await storedConfig(h, fn, triggerName)).authConfig as Record<string, unknown>;
      assert.deepEqual(answered.Whitelist, ['/public/*']);
      assert.equal((await call(urlInternet, { path: '/public/page' })).status, 200);
      assert.equal((await call(urlInternet, { path: '/private' })).status, 401);
      assert.equal((await call(urlInternet, { path: `/private?jwt=${await token()}` })).status, 200);
    },
  },
  {
    name: 'JWT blacklist: only a listed path needs a token',
    async run({ h, name, spelling }) {
      const { jwks } = await jwtKeys();
      const fn = await deployFunction(h, WHO, name('black'));
      const config = spelling.jwtTrigger(['GET'], { jwks, tokenLookup: 'cookie:jwt', blacklist: ['/admin/*'] });
      const { urlInternet, triggerName } = await deployTrigger(h, fn, config);
      const answered = (await storedConfig(h, fn, triggerName)).authConfig as Record<string, unknown>;
      assert.deepEqual(answered.Blacklist, ['/admin/*']);
      assert.equal((await call(urlInternet, { path: '/home' })).status, 200);
      assert.equal((await call(urlInternet, { path: '/admin/users' })).status, 401);
    },
  },
];

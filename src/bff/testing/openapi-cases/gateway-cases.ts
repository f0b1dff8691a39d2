import * as $FC from '@alicloud/fc20230330';
import { describe, expect, it } from 'vitest';
import {
  BASIC_CHALLENGE,
  BASIC_INVALID_MESSAGE,
  BASIC_MISSING_MESSAGE,
  BEARER_INVALID_CHALLENGE,
  BEARER_INVALID_MESSAGE,
  BEARER_MISSING_CHALLENGE,
  BEARER_MISSING_MESSAGE,
  INTERNET_URL_DISABLED_MESSAGE,
  methodNotAllowedMessage,
  noTriggerMessage,
} from '../../../contract/gateway-rules';
import { GATEWAY_ERRORS, type GatewayErrorCode } from '../../../contract/status-catalogue';
import { sendHttp } from '../../test-function/send-http';
import {
  BASIC_USER,
  BEARER_TOKEN,
  createFunction,
  createTrigger,
  uniqueName,
  zipBase64,
  type TargetOf,
} from './target';

/** What an HTTP trigger runs here: any answer will do, the cases are about the gateway's own. */
const OK_SOURCE = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });\n';

/** A request to a trigger URL as the bff's Test Function sends it. */
async function send(url: string, method = 'GET', headers: Record<string, string> = {}) {
  const reply = await sendHttp({ url: new URL(url), method, headers });
  const header = (name: string) => reply.headers.find(([n]) => n === name)?.[1];
  return { status: reply.status, header, text: reply.body.toString() };
}

function expectGatewayError(reply: Awaited<ReturnType<typeof send>>, code: GatewayErrorCode, message: string) {
  expect(reply.status).toBe(GATEWAY_ERRORS[code].status);
  expect(JSON.parse(reply.text)).toEqual({ Code: code, Message: message, RequestId: reply.header('x-fc-request-id') });
}

async function deploy(target: TargetOf, triggerConfig: object) {
  const fn = uniqueName('fn');
  await createFunction(target, fn, {
    code: new $FC.InputCodeLocation({ zipFile: zipBase64({ 'index.js': OK_SOURCE }) }),
  });
  const { body } = await createTrigger(target, fn, uniqueName('http'), triggerConfig);
  return { internet: body!.httpTrigger!.urlInternet!, intranet: body!.httpTrigger!.urlIntranet! };
}

const basicHeader = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** The trigger gateway's own answers, derived from the trigger's config by the contract's rules. */
export function gatewayCases(target: TargetOf) {
  describe('trigger gateway', () => {
    it('runs an anonymous trigger (200 with a request id) and refuses a method it does not list (403)', async () => {
      const { internet } = await deploy(target, { authType: 'anonymous', methods: ['GET', 'POST'] });
      const ok = await send(`${internet}/hello`);
      expect(ok.status).toBe(200);
      expect(ok.header('x-fc-request-id')).toMatch(/^\S+$/);
      expectGatewayError(
        await send(internet, 'DELETE'),
        'MethodNotAllowed',
        methodNotAllowedMessage('DELETE', ['GET', 'POST']),
      );
    });

    it('answers 403 on the public URL of a trigger with disableURLInternet, and runs on the internal one', async () => {
      const urls = await deploy(target, { authType: 'anonymous', methods: ['GET'], disableURLInternet: true });
      expectGatewayError(await send(urls.internet), 'InternetURLDisabled', INTERNET_URL_DISABLED_MESSAGE);
      expect((await send(urls.intranet)).status).toBe(200);
    });

    it('answers 401 with a Basic challenge unless a configured user and password are sent', async () => {
      const { username, password } = BASIC_USER;
      const authConfig = { users: [BASIC_USER] };
      const { internet } = await deploy(target, { authType: 'basic', methods: ['GET'], authConfig });
      const missing = await send(internet);
      expectGatewayError(missing, 'Unauthorized', BASIC_MISSING_MESSAGE);
      expect(missing.header('www-authenticate')).toBe(BASIC_CHALLENGE);
      const wrong = await send(internet, 'GET', { authorization: basicHeader(username, `${password}!`) });
      expectGatewayError(wrong, 'Unauthorized', BASIC_INVALID_MESSAGE);
      expect(wrong.header('www-authenticate')).toBe(BASIC_CHALLENGE);
      expect((await send(internet, 'GET', { authorization: basicHeader(username, password) })).status).toBe(200);
    });

    it('answers 401 with a Bearer challenge unless a configured token is sent', async () => {
      const { token } = BEARER_TOKEN;
      const authConfig = { tokens: [BEARER_TOKEN] };
      const { internet } = await deploy(target, { authType: 'bearer', methods: ['GET'], authConfig });
      const missing = await send(internet);
      expectGatewayError(missing, 'Unauthorized', BEARER_MISSING_MESSAGE);
      expect(missing.header('www-authenticate')).toBe(BEARER_MISSING_CHALLENGE);
      const wrong = await send(internet, 'GET', { authorization: `Basic ${token}` });
      expectGatewayError(wrong, 'Unauthorized', BEARER_INVALID_MESSAGE);
      expect(wrong.header('www-authenticate')).toBe(BEARER_INVALID_CHALLENGE);
      expect((await send(internet, 'GET', { authorization: `bearer ${token}` })).status).toBe(200);
    });

    it('answers 404 TriggerNotFound on a trigger host that names no trigger', async () => {
      const { internet } = await deploy(target, { authType: 'anonymous', methods: ['GET'] });
      const url = new URL(internet);
      url.hostname = url.hostname.replace(/^[^.]+/, 'nobody-abcdefghij');
      expectGatewayError(await send(url.href), 'TriggerNotFound', noTriggerMessage(url.host));
    });
  });
}

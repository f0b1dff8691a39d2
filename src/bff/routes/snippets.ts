import Credential from '@alicloud/credentials';
import { Hono } from 'hono';
import { snippetInputSchema, type Snippet } from '../../contract/snippet';
import { resolveConnection, type ConnectionSource } from '../connection';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { outgoingRequest } from '../snippets/outgoing-request';
import { placeCredentials } from '../snippets/place-credentials';
import { toCurl, toFetch } from '../snippets/render-snippets';
import type { SigningKey } from '../snippets/sign-request';
import { validate } from '../validation';
import { storedTriggerConfig } from '../views';
import { functionParams } from './params';

/** The SDKs are CommonJS: Node's ESM loader hands the exports object, Vite the class (see fc-client). */
function cjsDefault<T>(mod: T): T {
  return (mod as { default?: T }).default ?? mod;
}

/** The connection's AccessKey: static keys (the local engine), else the default credential chain. */
async function signingKeyOf(source: ConnectionSource): Promise<SigningKey> {
  const { accessKeyId, accessKeySecret } = await resolveConnection(source);
  if (accessKeyId && accessKeySecret) return { accessKeyId, accessKeySecret };
  const credential = await new (cjsDefault(Credential))().getCredential();
  if (!credential.accessKeyId || !credential.accessKeySecret)
    throw new FcError(400, 'InvalidCredentials', 'No AccessKey is configured to sign the request with.');
  return {
    accessKeyId: credential.accessKeyId,
    accessKeySecret: credential.accessKeySecret,
    ...(credential.securityToken ? { securityToken: credential.securityToken } : {}),
  };
}

/**
 * Copy as cURL / fetch: the test request as the trigger's endpoint expects it. The AccessKey never
 * leaves the bff (only the signature does); a stored Basic password or Bearer token is sent only in
 * the snippet that needs it.
 */
export function snippetRoutes(fcCall: FcCall, connection: ConnectionSource, clock: () => Date = () => new Date()) {
  return new Hono().post('/', validate('param', functionParams), validate('json', snippetInputSchema), async (c) => {
    const { functionName } = c.req.valid('param');
    const input = c.req.valid('json');
    const { body: trigger } = await fcCall((fc) => fc.getTrigger(functionName, input.triggerName));
    const config = storedTriggerConfig(trigger ?? {});
    const urls = trigger?.httpTrigger;
    const endpoint = input.endpoint === 'internet' ? urls?.urlInternet : urls?.urlIntranet;
    if (!config || !endpoint)
      throw new FcError(
        400,
        'InvalidArgument',
        `triggerName: ${input.triggerName} is not an HTTP trigger the console can read.`,
        undefined,
        {
          triggerName: 'triggerType.http',
        },
      );
    const request = outgoingRequest(endpoint, input.request, input.mode);
    const authed = await placeCredentials(request, config, input.auth, () => signingKeyOf(connection), clock());
    const snippet: Snippet = {
      curl: toCurl(authed.request),
      fetch: toFetch(authed.request),
      ...(authed.expiresAt ? { expiresAt: authed.expiresAt.toISOString() } : {}),
    };
    return c.json(snippet);
  });
}

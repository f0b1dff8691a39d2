import { parseTokenLookup } from '../../contract/auth-config';
import type { InvokeInput } from '../../contract/invocation';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { FcError } from '../fc-error';
import { signatureHeaders, type SigningKey } from './sign-request';

export type PreparedRequest = { method: string; url: URL; headers: Record<string, string>; body: Buffer };

type Auth = InvokeInput['auth'];

const missing = (what: string) => new FcError(400, 'InvalidArgument', what, undefined, { auth: what });

function basic(config: Extract<HttpTriggerConfig, { authType: 'basic' }>, auth: Auth): string {
  const users = config.authConfig.users;
  const user = auth?.type === 'basic' ? users.find((u) => u.username === auth.username) : users[0];
  if (!user) throw missing(`The trigger has no user named "${auth?.type === 'basic' ? auth.username : ''}".`);
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
}

function bearer(config: Extract<HttpTriggerConfig, { authType: 'bearer' }>, auth: Auth): string {
  const tokens = config.authConfig.tokens;
  const token = auth?.type === 'bearer' ? tokens.find((t) => t.name === auth.tokenName) : tokens[0];
  if (!token) throw missing(`The trigger has no token named "${auth?.type === 'bearer' ? auth.tokenName : ''}".`);
  return `Bearer ${token.token}`;
}

/** The pasted JWT goes where the trigger looks first: its first header source, else its first source. */
function placeJwt(
  config: Extract<HttpTriggerConfig, { authType: 'jwt' }>,
  token: string,
  request: PreparedRequest,
): void {
  const sources = parseTokenLookup(config.authConfig.tokenLookup) ?? [];
  const source = sources.find((s) => s.in === 'header') ?? sources[0];
  if (!source || source.in === 'header') {
    const name = source?.name ?? 'Authorization';
    request.headers[name.toLowerCase()] = `${source ? source.prefix : 'Bearer '}${token}`;
  } else if (source.in === 'cookie') {
    const cookie = request.headers.cookie;
    request.headers.cookie = `${cookie ? `${cookie}; ` : ''}${source.name}=${token}`;
  } else if (source.in === 'query') {
    request.url.searchParams.set(source.name, token);
  } else {
    const form = new URLSearchParams(request.body.toString('utf8'));
    form.set(source.name, token);
    request.body = Buffer.from(form.toString());
    request.headers['content-type'] = 'application/x-www-form-urlencoded';
  }
}

/**
 * Adds what the trigger's authentication needs, from the stored trigger (the bff alone sees its
 * passwords and tokens) or the AccessKey of the connection. Mutates and returns `request`.
 */
export async function authorize(
  config: HttpTriggerConfig,
  auth: Auth,
  request: PreparedRequest,
  signingKey: () => Promise<SigningKey>,
): Promise<PreparedRequest> {
  switch (config.authType) {
    case 'anonymous':
      return request;
    case 'basic':
      request.headers.authorization = basic(config, auth);
      return request;
    case 'bearer':
      request.headers.authorization = bearer(config, auth);
      return request;
    case 'jwt':
      if (auth?.type === 'jwt') placeJwt(config, auth.token, request);
      return request;
    case 'function':
      Object.assign(request.headers, signatureHeaders(request, await signingKey()));
      return request;
  }
}

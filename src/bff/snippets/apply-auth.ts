import { parseTokenLookup } from '../../contract/auth-config';
import type { SnippetInput } from '../../contract/snippet';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { FcError } from '../fc-error';
import { acsEncode, type OutgoingRequest } from './outgoing-request';
import { signRequest, type SigningKey } from './sign-request';

export type AuthedRequest = { request: OutgoingRequest; expiresAt?: Date };

function notFound(field: string, message: string): FcError {
  return new FcError(400, 'InvalidArgument', `${field}: ${message}`, undefined, { [field]: message });
}

/** The credential replaces a header of that name the test request already set. */
function setHeader(request: OutgoingRequest, name: string, value: string): OutgoingRequest {
  const headers = request.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  return { ...request, headers: [...headers, [name, value]] };
}

const AUTH_NAMES = { jwt: 'JWT', basic: 'Basic', bearer: 'Bearer' } as const;

function missing(request: OutgoingRequest, authType: keyof typeof AUTH_NAMES): AuthedRequest {
  const note = `The trigger uses ${AUTH_NAMES[authType]} Authentication: choose its credentials in the console to fill them in.`;
  return { request: { ...request, notes: [...request.notes, note] } };
}

/** A pasted JWT goes where the trigger looks first: its first header source, else a cookie or the query. */
function withJwt(request: OutgoingRequest, tokenLookup: string, token: string): OutgoingRequest {
  const sources = parseTokenLookup(tokenLookup) ?? [];
  const source = sources.find((s) => s.in === 'header') ?? sources.find((s) => s.in === 'cookie' || s.in === 'query');
  if (!source) throw notFound('auth.token', 'The trigger reads tokens from a form only: put the token in the body.');
  if (source.in === 'header') return setHeader(request, source.name, `${source.prefix}${token}`);
  if (source.in === 'cookie') return setHeader(request, 'Cookie', `${source.name}=${token}`);
  // Rebuilt by hand: URLSearchParams would re-encode the other parameters (a space as +).
  const url = new URL(request.url);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && decodeURIComponent(pair.split('=')[0] ?? '') !== source.name);
  url.search = [...kept, `${acsEncode(source.name)}=${acsEncode(token)}`].join('&');
  return { ...request, url };
}

/**
 * The trigger's authentication filled in. Secrets come from the stored trigger (GetTrigger) and go
 * only into the snippet that needs them.
 */
export async function applyAuth(
  request: OutgoingRequest,
  config: HttpTriggerConfig,
  auth: SnippetInput['auth'],
  signingKey: () => Promise<SigningKey>,
  now: Date,
): Promise<AuthedRequest> {
  switch (config.authType) {
    case 'anonymous':
      return { request };
    case 'function':
      return signRequest(request, await signingKey(), now);
    case 'basic': {
      if (auth?.type !== 'basic') return missing(request, 'basic');
      const user = config.authConfig.users.find((u) => u.username === auth.username);
      if (!user) throw notFound('auth.username', `The trigger has no user ${auth.username}.`);
      return { request: { ...request, basicAuth: { username: user.username, password: user.password } } };
    }
    case 'bearer': {
      if (auth?.type !== 'bearer') return missing(request, 'bearer');
      const token = config.authConfig.tokens.find((t) => t.name === auth.tokenName);
      if (!token) throw notFound('auth.tokenName', `The trigger has no token named ${auth.tokenName}.`);
      return { request: setHeader(request, 'Authorization', `Bearer ${token.token}`) };
    }
    case 'jwt':
      if (auth?.type !== 'jwt') return missing(request, 'jwt');
      return { request: withJwt(request, config.authConfig.tokenLookup, auth.token) };
  }
}

import { parseTokenLookup, type TokenSource } from '../../contract/auth-config';
import type { InvokeInput } from '../../contract/invocation';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { FcError } from '../fc-error';
import { acsEncode, hasHeader, type OutgoingRequest } from './outgoing-request';
import { signRequest, type SigningKey } from './sign-request';

export type AuthedRequest = { request: OutgoingRequest; expiresAt?: Date };

type Auth = InvokeInput['auth'];
type JwtConfig = Extract<HttpTriggerConfig, { authType: 'jwt' }>;

function notFound(field: string, message: string): FcError {
  return new FcError(400, 'InvalidArgument', `${field}: ${message}`, undefined, { [field]: message });
}

/** The credential replaces a header of that name the test request already set. */
function setHeader(request: OutgoingRequest, name: string, value: string): OutgoingRequest {
  const headers = request.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  return { ...request, headers: [...headers, [name, value]] };
}

/** Pairs of `a=1&b=2` with the one named `name` set to `value`; the others stay exactly as typed. */
function withPair(pairs: string, name: string, value: string): string {
  const kept = pairs.split('&').filter((pair) => pair !== '' && decodeURIComponent(pair.split('=')[0] ?? '') !== name);
  return [...kept, `${acsEncode(name)}=${acsEncode(value)}`].join('&');
}

/** The token joins the request's other cookies, in one Cookie header. */
function withCookie(request: OutgoingRequest, name: string, token: string): OutgoingRequest {
  const typed = request.headers
    .filter(([n]) => n.toLowerCase() === 'cookie')
    .flatMap(([, value]) => value.split(';').map((c) => c.trim()))
    .filter((c) => c !== '' && c.split('=')[0] !== name);
  return setHeader(request, 'Cookie', [...typed, `${name}=${token}`].join('; '));
}

function placeJwt(request: OutgoingRequest, source: TokenSource, token: string): OutgoingRequest {
  switch (source.in) {
    case 'header':
      return setHeader(request, source.name, `${source.prefix}${token}`);
    case 'cookie':
      return withCookie(request, source.name, token);
    case 'query': {
      const url = new URL(request.url);
      // Rebuilt by hand: URLSearchParams would re-encode the other parameters (a space as +).
      url.search = withPair(url.search.slice(1), source.name, token);
      return { ...request, url };
    }
    case 'form': {
      const form = setHeader(request, 'content-type', 'application/x-www-form-urlencoded');
      return { ...form, body: withPair(request.body, source.name, token) };
    }
  }
}

/** The pasted JWT goes where the trigger looks first: its first header source, else its first source. */
function withJwt(request: OutgoingRequest, config: JwtConfig, auth: Auth): OutgoingRequest {
  const sources = parseTokenLookup(config.authConfig.tokenLookup) ?? [];
  const source = sources.find((s) => s.in === 'header') ?? sources[0];
  if (auth?.type === 'jwt' && source) return placeJwt(request, source, auth.token);
  // No token pasted: one the request carries itself where the trigger looks is the user's own.
  if (sources.some((s) => s.in === 'header' && hasHeader(request, s.name))) return request;
  if (sources.some((s) => s.in === 'cookie') && hasHeader(request, 'cookie')) return request;
  if (sources.some((s) => s.in === 'query' && request.url.searchParams.has(s.name))) return request;
  const note = 'The trigger uses JWT Authentication: paste a token in Configure Test Parameters to fill it in.';
  return { ...request, notes: [...request.notes, note] };
}

/**
 * The trigger's credentials on a test request, the one placement both Test Function and Copy as
 * cURL use, so the copied command is what was tested. Secrets come from the stored trigger
 * (GetTrigger); without a chosen Basic user or Bearer token, the trigger's first one is sent.
 */
export async function placeCredentials(
  request: OutgoingRequest,
  config: HttpTriggerConfig,
  auth: Auth,
  signingKey: () => Promise<SigningKey>,
  now: Date,
): Promise<AuthedRequest> {
  switch (config.authType) {
    case 'anonymous':
      return { request };
    case 'function':
      return signRequest(request, await signingKey(), now);
    case 'basic': {
      const users = config.authConfig.users;
      const user = auth?.type === 'basic' ? users.find((u) => u.username === auth.username) : users[0];
      if (!user)
        throw notFound('auth.username', `The trigger has no user ${auth?.type === 'basic' ? auth.username : ''}.`);
      // curl lets a typed Authorization header win over -u: the chosen user's must be the only one.
      const headers = request.headers.filter(([n]) => n.toLowerCase() !== 'authorization');
      return { request: { ...request, headers, basicAuth: { username: user.username, password: user.password } } };
    }
    case 'bearer': {
      const tokens = config.authConfig.tokens;
      const token = auth?.type === 'bearer' ? tokens.find((t) => t.name === auth.tokenName) : tokens[0];
      if (!token)
        throw notFound(
          'auth.tokenName',
          `The trigger has no token named ${auth?.type === 'bearer' ? auth.tokenName : ''}.`,
        );
      return { request: setHeader(request, 'Authorization', `Bearer ${token.token}`) };
    }
    case 'jwt':
      return { request: withJwt(request, config, auth) };
  }
}

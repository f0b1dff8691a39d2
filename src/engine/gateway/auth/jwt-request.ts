import {
  parseClaimPassBy,
  parseTokenLookup,
  pathMatches,
  type JwtAuthConfig,
  type TokenSource,
} from '../../../contract/auth-config';
import { isFormBody, type GatewayContext, type GatewayNext } from '../gateway-context';

/** The decoded, dot-segment-free form of a path, so `/%61dmin` and `/public/../admin` are `/admin`. */
function normalizedPath(rawPath: string): string {
  try {
    return decodeURIComponent(new URL(rawPath, 'http://gateway.invalid').pathname);
  } catch {
    return rawPath;
  }
}

/**
 * Whitelisted paths skip the check; with a blacklist only its paths are checked. Both the raw and
 * the normalized path are tried, in the direction that checks more: a path skips only when both
 * forms are whitelisted, and is checked when either form is blacklisted.
 */
export function jwtRequired(config: JwtAuthConfig, rawPath: string): boolean {
  const forms = [rawPath, normalizedPath(rawPath)];
  if (config.whitelist?.length) return !forms.every((p) => config.whitelist!.some((w) => pathMatches(w, p)));
  if (config.blacklist?.length) return forms.some((p) => config.blacklist!.some((b) => pathMatches(b, p)));
  return true;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

function tokenFrom(ctx: GatewayContext, source: TokenSource): string | undefined {
  switch (source.in) {
    case 'header': {
      const value = ctx.headers[source.name.toLowerCase()];
      if (value === undefined) return undefined;
      // Auth schemes are case-insensitive (RFC 9110 §11.1), so the prefix is too.
      if (!value.toLowerCase().startsWith(source.prefix.toLowerCase())) return undefined;
      return value.slice(source.prefix.length).trim();
    }
    case 'cookie':
      return cookie(ctx.headers.cookie, source.name);
    case 'query':
      return new URLSearchParams(ctx.query).get(source.name) ?? undefined;
    case 'form':
      return isFormBody(ctx) && ctx.body
        ? (new URLSearchParams(ctx.body.toString('utf8')).get(source.name) ?? undefined)
        : undefined;
  }
}

/** The first token found, in the configured order; the next source is tried when one is empty. */
export function findToken(ctx: GatewayContext, config: JwtAuthConfig): string | undefined {
  for (const source of parseTokenLookup(config.tokenLookup) ?? []) {
    const token = tokenFrom(ctx, source);
    if (token) return token;
  }
  return undefined;
}

export function describeTokenLookup(config: JwtAuthConfig): string {
  return (parseTokenLookup(config.tokenLookup) ?? [])
    .map((s) =>
      s.in === 'header' ? `header ${s.name}${s.prefix ? ` (prefix "${s.prefix}")` : ''}` : `${s.in} ${s.name}`,
    )
    .join(', ');
}

function claimText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The Cookie header with `name` set to `value`, replacing a cookie the client sent under that name. */
function withCookie(header: string | undefined, name: string, value: string): string {
  const kept = (header ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part.slice(0, part.indexOf('=')).trim() !== name);
  return [...kept, `${name}=${encodeURIComponent(value)}`].join('; ');
}

/**
 * Claims copied into the request. They replace what the client sent under the same name, so a
 * client cannot pose as another user by sending the header itself. Absent claims are skipped.
 */
export function claimPassBy(
  ctx: Pick<GatewayContext, 'headers'>,
  config: JwtAuthConfig,
  claims: Record<string, unknown>,
): GatewayNext {
  const next: GatewayNext = { next: true };
  let cookieHeader = ctx.headers.cookie;
  for (const pass of parseClaimPassBy(config.claimPassBy ?? '') ?? []) {
    if (claims[pass.claim] === undefined) continue;
    const value = claimText(claims[pass.claim]);
    if (pass.to === 'cookie') {
      cookieHeader = withCookie(cookieHeader, pass.as, value);
      next.addRequestHeaders = { ...next.addRequestHeaders, cookie: cookieHeader };
      continue;
    }
    const key = pass.to === 'header' ? 'addRequestHeaders' : pass.to === 'query' ? 'addQuery' : 'addFormFields';
    next[key] = { ...next[key], [pass.to === 'header' ? pass.as.toLowerCase() : pass.as]: value };
  }
  return next;
}

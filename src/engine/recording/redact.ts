import { parseTokenLookup, type TokenSource } from '../../contract/auth-config';
import { REDACTED } from '../../contract/recorded-request';
import type { HttpTriggerConfig } from '../../contract/trigger';
import type { HeaderPair } from '../gateway/gateway-context';

/** Headers whose whole value is a credential, whatever the trigger's auth. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
/** Signature auth and STS headers, and a query parameter that carries the same. */
const SECRET_NAME = /^x-acs-|signature|security-token|access[_-]?token|^x-fc-token$/i;
const CREDENTIAL_VALUE = /^\s*(bearer|basic)\s+(\S+)/i;
/** Shorter values are not searched for elsewhere: they would redact ordinary text. */
const MIN_SECRET_LENGTH = 6;

/** What a recorded request is redacted of: where the trigger reads a JWT, and the secrets seen in the request. */
export type Redaction = {
  /** Header, cookie, query and form names that carry the trigger's token (lower-cased header names). */
  headers: Set<string>;
  cookies: Set<string>;
  fields: Set<string>;
  /** Literal secret values, replaced wherever else they appear (a function that echoes its request). */
  secrets: string[];
};

/** What redaction reads of a trigger: where a JWT trigger reads its token; none of its keys, users or tokens. */
export type RedactionTrigger = { tokenLookup?: string };

export function redactionTriggerOf(trigger: HttpTriggerConfig): RedactionTrigger {
  return trigger.authType === 'jwt' ? { tokenLookup: trigger.authConfig.tokenLookup } : {};
}

function jwtSources(trigger: RedactionTrigger | undefined): TokenSource[] {
  return trigger?.tokenLookup ? (parseTokenLookup(trigger.tokenLookup) ?? []) : [];
}

function decodeSafely(text: string): string {
  // Most names and values have nothing to decode: no replace, no decodeURIComponent, no allocation.
  if (!text.includes('%') && !text.includes('+')) return text;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `a=1&b=2` → pairs as sent and decoded names and values. */
function formPairs(text: string): Array<{ raw: string; name: string; value: string }> {
  return text
    .split('&')
    .filter(Boolean)
    .map((raw) => {
      const eq = raw.indexOf('=');
      const name = decodeSafely(eq === -1 ? raw : raw.slice(0, eq));
      return { raw, name, value: eq === -1 ? '' : decodeSafely(raw.slice(eq + 1)) };
    });
}

function cookiePairs(header: string): Array<{ name: string; value: string }> {
  return header.split(';').flatMap((part) => {
    const eq = part.indexOf('=');
    return eq === -1 ? [] : [{ name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() }];
  });
}

function credentialSecrets(value: string): string[] {
  const found = [value.trim()];
  const credential = CREDENTIAL_VALUE.exec(value);
  if (!credential) return found;
  const [, scheme, token] = credential;
  found.push(token!);
  if (scheme!.toLowerCase() === 'basic') {
    const decoded = Buffer.from(token!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    found.push(decoded, ...(colon === -1 ? [] : [decoded.slice(colon + 1)]));
  }
  return found;
}

/** Finds, in the request as sent, every value redaction must remove. */
export function redactionFor(
  trigger: RedactionTrigger | undefined,
  headers: readonly HeaderPair[],
  query: string,
  formBody: string | undefined,
): Redaction {
  const redaction: Redaction = { headers: new Set(), cookies: new Set(), fields: new Set(), secrets: [] };
  for (const source of jwtSources(trigger)) {
    if (source.in === 'header') redaction.headers.add(source.name.toLowerCase());
    else if (source.in === 'cookie') redaction.cookies.add(source.name);
    else redaction.fields.add(source.name);
  }
  const secrets: string[] = [];
  for (const [rawName, value] of headers) {
    const name = rawName.toLowerCase();
    if (COOKIE_HEADERS.has(name)) secrets.push(...cookiePairs(value).map((c) => c.value));
    else if (isSecretHeader(name, redaction) || CREDENTIAL_VALUE.test(value)) secrets.push(...credentialSecrets(value));
  }
  for (const text of [query, formBody ?? ''])
    for (const pair of text ? formPairs(text) : [])
      if (isSecretField(pair.name, redaction)) secrets.push(pair.value, pair.raw.slice(pair.raw.indexOf('=') + 1));
  if (secrets.length)
    redaction.secrets = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH))].sort(
      (a, b) => b.length - a.length,
    );
  return redaction;
}

function isSecretHeader(name: string, redaction: Redaction): boolean {
  return SECRET_HEADERS.has(name) || SECRET_NAME.test(name) || redaction.headers.has(name);
}

function isSecretField(name: string, redaction: Redaction): boolean {
  return SECRET_NAME.test(name) || redaction.fields.has(name);
}

/** Replaces every secret of the request in a text (a header value, a path, a body read as latin1). */
export function scrub(text: string, redaction: Redaction): string {
  let result = text;
  for (const secret of redaction.secrets) if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  return result;
}

export function scrubBytes(data: Buffer, redaction: Redaction): Buffer {
  if (!redaction.secrets.length) return data;
  const text = data.toString('latin1');
  const scrubbed = scrub(text, redaction);
  return scrubbed === text ? data : Buffer.from(scrubbed, 'latin1');
}

/** `a=1; b=2` → `a=[redacted]; b=[redacted]`: which cookies were sent, never their values. */
function redactCookies(value: string): string {
  const pairs = cookiePairs(value);
  return pairs.length ? pairs.map((c) => `${c.name}=${REDACTED}`).join('; ') : REDACTED;
}

/** Credential headers lose their value, cookies keep their names; every other value is scrubbed. */
export function redactHeaders(headers: readonly HeaderPair[], redaction: Redaction): HeaderPair[] {
  return headers.map(([name, value]) => {
    const lower = name.toLowerCase();
    if (lower === 'cookie') return [name, redactCookies(value)];
    if (lower === 'set-cookie') return [name, redactCookies(value.split(';')[0]!)];
    if (isSecretHeader(lower, redaction) || CREDENTIAL_VALUE.test(value)) return [name, REDACTED];
    return [name, scrub(value, redaction)];
  });
}

/** `name=value` pairs (a query, a form body) with the token's and signatures' values redacted, the rest as sent. */
export function redactForm(text: string, redaction: Redaction): string {
  return scrub(
    formPairs(text)
      .map((pair) => (isSecretField(pair.name, redaction) ? `${pair.raw.split('=')[0]}=${REDACTED}` : pair.raw))
      .join('&'),
    redaction,
  );
}

/** A path with its query, as sent, with the query's secret values redacted. */
export function redactPath(pathWithQuery: string, redaction: Redaction): string {
  const q = pathWithQuery.indexOf('?');
  if (q === -1) return scrub(pathWithQuery, redaction);
  return `${scrub(pathWithQuery.slice(0, q), redaction)}?${redactForm(pathWithQuery.slice(q + 1), redaction)}`;
}

import { createHash, randomUUID } from 'node:crypto';
import { OpenApiUtil } from '@alicloud/openapi-core';
import { SIGNATURE_VALIDITY_MS } from '../../contract/signature-window';
import type { OutgoingRequest } from './outgoing-request';

const ALGORITHM = 'ACS3-HMAC-SHA256';

export type SigningKey = { accessKeyId: string; accessKeySecret: string; securityToken?: string };

type SdkRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];

/** What the SDK signs: host, content-type and every x-acs-* header. */
const isSigned = (lowerName: string) =>
  lowerName === 'host' || lowerName === 'content-type' || lowerName.startsWith('x-acs-');

/** The SDK's x-acs-date: `2024-05-01T08:00:00Z`. */
export function acsTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Sign the request as the official SDK signs its own (`Utils.getAuthorization` of
 * `@alicloud/openapi-core`), over the exact URL, headers and body the snippet sends. A signed header
 * given twice is sent once (the last value): the SDK and a server join repeats differently.
 */
export function signRequest(
  request: OutgoingRequest,
  key: SigningKey,
  now: Date,
): { request: OutgoingRequest; expiresAt: Date } {
  const payloadHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  const added: Array<[string, string]> = [
    ['x-acs-date', acsTimestamp(now)],
    ['x-acs-signature-nonce', randomUUID()],
    ['x-acs-content-sha256', payloadHash],
  ];
  if (key.securityToken)
    added.push(['x-acs-accesskey-id', key.accessKeyId], ['x-acs-security-token', key.securityToken]);
  const replaced = new Set(['authorization', ...added.map(([name]) => name)]);

  const lastSigned = new Map<string, number>();
  request.headers.forEach(([name], i) => {
    if (isSigned(name.toLowerCase())) lastSigned.set(name.toLowerCase(), i);
  });
  const headers = request.headers.filter(([name], i) => {
    const lower = name.toLowerCase();
    return !replaced.has(lower) && (!isSigned(lower) || lastSigned.get(lower) === i);
  });
  headers.push(...added);

  const signedHeaders: Record<string, string> = { host: request.url.host };
  for (const [name, value] of headers) if (isSigned(name.toLowerCase())) signedHeaders[name.toLowerCase()] = value;
  const query: Record<string, string> = {};
  for (const [name, value] of request.url.searchParams) query[name] = value;
  const sdkRequest = { method: request.method, pathname: request.url.pathname, query, headers: signedHeaders };
  const authorization = OpenApiUtil.getAuthorization(
    sdkRequest as unknown as SdkRequest,
    ALGORITHM,
    payloadHash,
    key.accessKeyId,
    key.accessKeySecret,
  );
  headers.push(['Authorization', authorization]);

  const expiresAt = new Date(now.getTime() + SIGNATURE_VALIDITY_MS);
  const note = `Signed at ${now.toISOString()}; valid until ${expiresAt.toISOString()} (15 minutes)`;
  return { request: { ...request, headers, notes: [...request.notes, note] }, expiresAt };
}

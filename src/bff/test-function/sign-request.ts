import { createHash, randomBytes } from 'node:crypto';
import { OpenApiUtil } from '@alicloud/openapi-core';

export type SigningKey = { accessKeyId: string; accessKeySecret: string; securityToken?: string };

const ALGORITHM = 'ACS3-HMAC-SHA256';

type TeaRequest = Parameters<typeof OpenApiUtil.getAuthorization>[0];

/**
 * Signature Authentication: ACS3-HMAC-SHA256 made by the SDK's own `getAuthorization`, over the
 * path and query as sent, the Host, content-type and the x-acs-* headers. Returns the headers to add.
 */
export function signatureHeaders(
  request: { method: string; url: URL; headers: Record<string, string>; body: Buffer },
  key: SigningKey,
): Record<string, string> {
  const payloadHash = createHash('sha256').update(request.body).digest('hex');
  const added: Record<string, string> = {
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomBytes(16).toString('hex'),
    'x-acs-content-sha256': payloadHash,
    ...(key.securityToken ? { 'x-acs-security-token': key.securityToken } : {}),
  };
  const headers = { ...request.headers, ...added, host: request.url.host };
  // getAuthorization reads only these four fields of the Tea request.
  const tea = {
    pathname: request.url.pathname,
    method: request.method,
    query: Object.fromEntries(request.url.searchParams),
    headers,
  } as unknown as TeaRequest;
  const authorization = OpenApiUtil.getAuthorization(tea, ALGORITHM, payloadHash, key.accessKeyId, key.accessKeySecret);
  return { ...added, authorization };
}

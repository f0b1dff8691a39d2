import { verifyAcs3 } from '../../../contract/acs3-signature';
import { respondError } from '../errors';
import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';

export type LocalCredentials = { accessKeyId: string; accessKeySecret: string };

/**
 * Signature authentication: ACS3-HMAC-SHA256 over the request exactly as the client sent it, with
 * the local account's AccessKey, verified as the OpenAPI verifies. The seed's statuses come with the
 * verifier's codes: a missing date or Authorization is 400, a wrong or 15-minute-old signature 403.
 */
export function checkSignature(ctx: GatewayContext, credentials: LocalCredentials): GatewayResult {
  const secretFor = (id: string) => (id === credentials.accessKeyId ? credentials.accessKeySecret : undefined);
  const { method, rawPath, query, headers } = ctx;
  const result = verifyAcs3(
    { method, rawPath, query, headers, body: ctx.body ?? Buffer.alloc(0) },
    secretFor,
    ctx.now.getTime(),
  );
  return result.ok ? NEXT : respondError(result.code, result.message, ctx.requestId);
}

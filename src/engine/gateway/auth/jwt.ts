import {
  createLocalJWKSet,
  decodeProtectedHeader,
  errors,
  importJWK,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
} from 'jose';
import type { JwtAuthConfig } from '../../../contract/auth-config';
import { respondError } from '../errors';
import { NEXT, type GatewayContext, type GatewayResult } from '../gateway-context';
import { claimPassBy, describeTokenLookup, findToken, jwtRequired } from './jwt-request';

type Jwks = JwtAuthConfig['jwks'];
type Verifier = { algorithms: string[]; key: JWTVerifyGetKey };

const HMAC = ['HS256', 'HS384', 'HS512'];
const EC_ALGS: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'];

/** The algorithms a key can verify: its own `alg`, else every one its type allows. Never `none`. */
function algorithmsOf(jwk: JWK): string[] {
  if (typeof jwk.alg === 'string') return jwk.alg === 'none' ? [] : [jwk.alg];
  switch (jwk.kty) {
    case 'RSA':
      return ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
    case 'EC':
      return EC_ALGS[jwk.crv ?? ''] ? [EC_ALGS[jwk.crv!]!] : [];
    case 'OKP':
      return jwk.crv === 'Ed25519' ? ['EdDSA', 'Ed25519'] : [];
    case 'oct':
      return HMAC;
    default:
      return [];
  }
}

function usable(jwk: JWK, alg: string, kid: string | undefined): boolean {
  return (
    (kid === undefined || jwk.kid === kid) &&
    (jwk.alg === undefined || jwk.alg === alg) &&
    (jwk.use === undefined || jwk.use === 'sig')
  );
}

/**
 * Asymmetric keys go through jose's local JWKS (kid, kty and crv matching). A pasted key pair is
 * reduced to its public half. jose's JWKS refuses secret keys, so `oct` keys (HS*) are matched here.
 */
function buildVerifier(jwks: Jwks): Verifier {
  const keys = jwks.keys as JWK[];
  const publicKeys = keys
    .filter((k) => k.kty !== 'oct')
    .map((k) => Object.fromEntries(Object.entries(k).filter(([name]) => !PRIVATE_MEMBERS.includes(name))) as JWK);
  const local = publicKeys.length > 0 ? createLocalJWKSet({ keys: publicKeys }) : undefined;
  const secrets = keys.filter((k) => k.kty === 'oct');
  const key: JWTVerifyGetKey = async (header, token) => {
    if (!HMAC.includes(header.alg)) {
      if (!local) throw new errors.JWKSNoMatchingKey();
      return local(header, token);
    }
    const candidates = secrets.filter((k) => usable(k, header.alg, header.kid));
    if (candidates.length === 0) throw new errors.JWKSNoMatchingKey();
    if (candidates.length === 1) return importJWK(candidates[0]!, header.alg);
    const multiple = new errors.JWKSMultipleMatchingKeys();
    multiple[Symbol.asyncIterator] = async function* () {
      for (const candidate of candidates) yield (await importJWK(candidate, header.alg)) as never;
    };
    throw multiple;
  };
  return { algorithms: [...new Set(keys.flatMap(algorithmsOf))], key };
}

// Parsed trigger configs are reused while the stored config is unchanged; keys are imported once.
const verifiers = new WeakMap<object, Verifier>();

function verifierFor(jwks: Jwks): Verifier {
  let verifier = verifiers.get(jwks);
  if (!verifier) verifiers.set(jwks, (verifier = buildVerifier(jwks)));
  return verifier;
}

async function verifyToken(token: string, verifier: Verifier, options: JWTVerifyOptions): Promise<JWTPayload> {
  try {
    return (await jwtVerify(token, verifier.key, options)).payload;
  } catch (error) {
    if (!(error instanceof errors.JWKSMultipleMatchingKeys)) throw error;
    let failure: unknown = new errors.JWSSignatureVerificationFailed();
    for await (const key of error) {
      try {
        return (await jwtVerify(token, key, options)).payload;
      } catch (attempt) {
        // A key that verified the signature but whose claims failed says more than a wrong key.
        if (!(attempt instanceof errors.JWSSignatureVerificationFailed)) failure = attempt;
      }
    }
    throw failure;
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's "${error.claim}" claim is invalid (${error.reason})`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return "no key in the trigger's JWKS matches the token";
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return "the token's algorithm is not allowed by the trigger's JWKS";
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return 'the token is malformed';
  return "the token could not be verified with the trigger's JWKS";
}

function unauthorized(ctx: GatewayContext, reason: string): GatewayResult {
  return respondError('Unauthorized', `JWT authentication failed: ${reason}.`, ctx.requestId);
}

/** JWT authentication: 401 Unauthorized, or on success the configured claims passed to the function. */
export async function checkJwt(ctx: GatewayContext, config: JwtAuthConfig): Promise<GatewayResult> {
  if (!jwtRequired(config, ctx.rawPath)) return NEXT;
  const token = findToken(ctx, config);
  if (!token) return unauthorized(ctx, `no token found in ${describeTokenLookup(config)}`);
  let alg: unknown;
  try {
    alg = decodeProtectedHeader(token).alg;
  } catch {
    return unauthorized(ctx, 'the token is malformed');
  }
  if (typeof alg !== 'string' || alg.toLowerCase() === 'none')
    return unauthorized(ctx, 'the token is not signed (alg "none")');
  try {
    const verifier = verifierFor(config.jwks);
    const claims = await verifyToken(token, verifier, { algorithms: verifier.algorithms, currentDate: ctx.now });
    return claimPassBy(ctx, config, claims);
  } catch (error) {
    return unauthorized(ctx, reasonOf(error));
  }
}

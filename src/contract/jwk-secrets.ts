/**
 * A JWKS's private members (RFC 7518 §6: RSA `d`, `p`, `q`, `dp`, `dq`, `qi`, `oth`; EC/OKP `d`; the
 * HMAC secret `k`) are secrets like a Basic password: the console receives them blank ("" = kept)
 * and the bff fills them back from the stored key before UpdateTrigger.
 */
export const JWK_PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

/** The members that identify a key's material: a key whose public half changed is another key. */
const PUBLIC_MATERIAL = ['kty', 'kid', 'crv', 'n', 'e', 'x', 'y'] as const;

export type Jwk = { kty: string } & Record<string, unknown>;

const isSet = (value: unknown) => value !== undefined && value !== '';

/** The key with every private member it has blanked. */
export function redactJwk(jwk: Jwk): Jwk {
  const redacted: Jwk = { ...jwk };
  for (const member of JWK_PRIVATE_MEMBERS) if (member in redacted) redacted[member] = '';
  return redacted;
}

/** True when the key carries private members the console was not shown (blank = stored and kept). */
export function hasKeptSecret(jwk: Record<string, unknown>): boolean {
  return JWK_PRIVATE_MEMBERS.some((member) => jwk[member] === '');
}

function sameKey(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  return PUBLIC_MATERIAL.every((member) => a[member] === b[member]);
}

/**
 * An edited key that brings no private member of its own keeps those of its stored key: matched by
 * `kid` (and type and public material), or, for a key without `kid`, by its position, as it has no
 * other name. A key with any private member filled in is the user's new key and is taken as sent.
 */
export function restoreJwks(edit: Jwk[], stored: Jwk[]): Jwk[] {
  return edit.map((key, index) => {
    if (JWK_PRIVATE_MEMBERS.some((member) => isSet(key[member]))) return key;
    const match =
      key.kid === undefined
        ? stored[index] && sameKey(key, stored[index])
          ? stored[index]
          : undefined
        : stored.find((old) => sameKey(key, old));
    if (!match) return key;
    const restored: Jwk = { ...key };
    for (const member of JWK_PRIVATE_MEMBERS) {
      if (match[member] !== undefined) restored[member] = match[member];
      else if (restored[member] === '') delete restored[member];
    }
    return restored;
  });
}

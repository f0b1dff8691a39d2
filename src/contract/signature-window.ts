/**
 * The seeds: an ACS3 signature is valid for 15 minutes from its date. The engine refuses a date
 * further off than this, remembers each nonce for as long, and the console's signed snippets say
 * when they expire with it.
 */
export const SIGNATURE_VALIDITY_MINUTES = 15;
export const SIGNATURE_VALIDITY_MS = SIGNATURE_VALIDITY_MINUTES * 60 * 1000;

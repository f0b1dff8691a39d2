/**
 * The two ways real clients write the same trigger: the SDK's own example (JWT keys in upper camel
 * case inside an authConfig string, authType left to its documented default) and Serverless Devs
 * fc3 (devsapp/fc3 `src/interface/trigger.ts`: lower camel case in an object, `claimPassBy: "query::"`
 * when none is configured, `whiteList`/`blackList` as its tests write them).
 */
export type JwtSettings = {
  jwks: { keys: object[] };
  tokenLookup: string;
  claimPassBy?: string;
  whitelist?: string[];
  blacklist?: string[];
};

export type Spelling = {
  name: 'sdk' | 'fc3';
  /** triggerConfig of a Signature Authentication trigger. */
  signatureTrigger(methods: string[]): object;
  /** triggerConfig of a JWT trigger. */
  jwtTrigger(methods: string[], settings: JwtSettings): object;
};

export const SDK_SPELLING: Spelling = {
  name: 'sdk',
  signatureTrigger: (methods) => ({ methods }),
  jwtTrigger: (methods, s) => ({
    methods,
    authType: 'jwt',
    authConfig: JSON.stringify({
      JWKS: s.jwks,
      TokenLookup: s.tokenLookup,
      ...(s.claimPassBy ? { ClaimPassBy: s.claimPassBy } : {}),
      ...(s.whitelist ? { Whitelist: s.whitelist } : {}),
      ...(s.blacklist ? { Blacklist: s.blacklist } : {}),
    }),
  }),
};

export const FC3_SPELLING: Spelling = {
  name: 'fc3',
  signatureTrigger: (methods) => ({ methods, authType: 'function', disableURLInternet: false }),
  jwtTrigger: (methods, s) => ({
    methods,
    authType: 'jwt',
    disableURLInternet: false,
    authConfig: {
      jwks: s.jwks,
      tokenLookup: s.tokenLookup,
      claimPassBy: s.claimPassBy ?? 'query::',
      ...(s.whitelist ? { whiteList: s.whitelist } : {}),
      ...(s.blacklist ? { blackList: s.blacklist } : {}),
    },
  }),
};

export const SPELLINGS = [SDK_SPELLING, FC3_SPELLING];

/**
 * Why the console's bff refused a request before any handler ran (docs/decisions/007-console-access.md).
 * The bff answers `{code, message}` with these statuses; the SPA can explain a refusal by its code.
 */
export const CONSOLE_ACCESS_ERRORS = {
  ForbiddenHost: {
    status: 403,
    cause: 'The request names a host that is not this console’s own address (a DNS rebinding attempt looks like this).',
    action:
      'Open the console at the address it printed when it started (localhost or 127.0.0.1), or add this name to FC_CONSOLE_ALLOWED_HOSTS and restart it.',
  },
  CrossOriginRequest: {
    status: 403,
    cause: 'The console’s API accepts requests only from the console’s own pages, and this one came from another site.',
    action:
      'Use the console at its own address. Scripts and curl are accepted when they send neither Origin nor Sec-Fetch-Site.',
  },
  JsonContentTypeRequired: {
    status: 403,
    cause:
      'A request that changes something must be JSON, which a page on another site cannot send without permission.',
    action: "Send the header Content-Type: application/json (curl: -H 'content-type: application/json').",
  },
  ConsoleTokenRequired: {
    status: 401,
    cause: 'This console requires its access token.',
    action:
      'Open the link it printed when it started (it ends in ?token=…), or send the header Authorization: Bearer <token>.',
  },
  ConsoleTokenInvalid: {
    status: 401,
    cause: 'The access token is not this console’s.',
    action:
      'Open the link it printed when it started; a generated token changes at every start unless FC_CONSOLE_TOKEN is set.',
  },
} as const satisfies Record<string, { status: 401 | 403; cause: string; action: string }>;

export type ConsoleAccessErrorCode = keyof typeof CONSOLE_ACCESS_ERRORS;

export function isConsoleAccessErrorCode(code: string): code is ConsoleAccessErrorCode {
  return Object.hasOwn(CONSOLE_ACCESS_ERRORS, code);
}

/** The query parameter of the link the console prints in token mode: `http://host:port/?token=…`. */
export const CONSOLE_TOKEN_PARAM = 'token';

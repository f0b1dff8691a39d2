/**
 * The console API's own error codes (FC's pass through as they are): the status the bff answers
 * and the English explanation (`message` = cause + action). The SPA explains each by code in the
 * user's language (`errors.codes.<code>`). Access refusals: docs/decisions/007-console-access.md.
 */
export const CONSOLE_ERRORS = {
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
  CodeChanged: {
    status: 412,
    cause: "The function's code changed since it was opened (someone else deployed).",
    action: 'Reload to take the new code, or deploy again to overwrite it.',
  },
  TriggerChanged: {
    status: 412,
    cause: 'The trigger changed since it was opened (someone else saved it).',
    action: 'Reload to take the new settings, or save again to overwrite them.',
  },
  CustomDomainChanged: {
    status: 412,
    cause: 'The custom domain changed since it was opened (someone else saved it).',
    action: 'Reload to take the new settings, or save again to overwrite them.',
  },
  LocalEngineOnly: {
    status: 501,
    cause:
      'Recorded requests and their figures come from the local engine’s gateway, and this console is connected to Alibaba Cloud.',
    action:
      'Use the local engine to see every request a trigger gets; in the cloud, query the function’s request logs in Simple Log Service.',
  },
  RequestLogsOff: {
    status: 409,
    cause:
      'In Alibaba Cloud the Requests and Monitoring tabs read the function’s request logs in Simple Log Service, and this function does not write them.',
    action:
      'Turn on logging for the function (a Log Service project and logstore) with request-level metrics in the Function Compute console, then send a request.',
  },
  RequestBodyTooLarge: {
    status: 413,
    cause: 'The console’s API reads a body only up to its route’s limit, and no further.',
    action:
      'Send a smaller body: code and test requests fit FC’s own limits (a 100 MB base64 code zip, a 32 MB synchronous body).',
  },
  CodeDownloadTimeout: {
    status: 504,
    cause: 'The function’s code package (the link FC gave for it) stopped arriving before it was complete.',
    action: 'Try again; if it keeps happening, check the network between the console and Function Compute’s storage.',
  },
  DomainRoutesElsewhere: {
    status: 409,
    cause:
      'Replay sends a request through the custom domain it came through, and that domain now routes its path to another function.',
    action:
      'Replay it from the Requests tab of the function the domain routes to, or route the path to this function again.',
  },
} as const satisfies Record<string, { status: 401 | 403 | 409 | 412 | 413 | 501 | 504; cause: string; action: string }>;

export type ConsoleErrorCode = keyof typeof CONSOLE_ERRORS;

export function isConsoleErrorCode(code: string): code is ConsoleErrorCode {
  return Object.hasOwn(CONSOLE_ERRORS, code);
}

/** The English message the bff answers with; `detail` (what exactly was refused) goes first. */
export function consoleErrorMessage(code: ConsoleErrorCode, detail = ''): string {
  const { cause, action } = CONSOLE_ERRORS[code];
  return `${detail ? `${detail} ` : ''}${cause} ${action}`;
}

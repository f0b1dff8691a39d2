/**
 * The one catalogue of what an HTTP trigger can answer when something goes wrong: the gateway
 * builds its errors from it, the bff passes the codes through, and the console's error panel
 * explains them from it. Rows follow the seed's "Troubleshoot errors" table and the overview's
 * limits; the code names are ours where the seeds give none (marked "unconfirmed").
 */
import { REWRITE_DEADLINE_MS } from './regexp-cost';

export const ERROR_TYPES = [
  'requestError',
  'functionError',
  'userThrottling',
  'systemError',
  'systemThrottling',
] as const;
export type ErrorType = (typeof ERROR_TYPES)[number];

export type GatewayErrorEntry = {
  status: number;
  type: ErrorType;
  billed: boolean;
  /** English cause and action; the SPA translates by code (`statusCatalogue.<code>.cause`). */
  cause: string;
  action: string;
};

export const GATEWAY_ERRORS = {
  InvalidArgument: {
    status: 400,
    type: 'requestError',
    billed: false,
    cause:
      'The request exceeds the request limits: headers over 8 KB, a path with query over 4 KB, or a synchronous body over 32 MB.',
    action:
      'Make the request smaller: fewer or shorter headers, a shorter URL, or a smaller body (send large payloads asynchronously or through storage).',
  },
  MissingRequiredHeader: {
    status: 400,
    type: 'requestError',
    billed: false,
    cause: 'The request is missing the Date or Authorization header required for authentication.',
    action: 'Sign the request and send its Date (x-acs-date) and Authorization headers.',
  },
  ApkResponseForbidden: {
    status: 400,
    type: 'requestError',
    billed: false,
    cause:
      'The function answered with the APK MIME type (application/vnd.android.package-archive), which the public endpoint does not serve.',
    action: 'Serve APK files through a custom domain, or answer with another content type.',
  },
  SignatureNotMatch: {
    status: 403,
    type: 'requestError',
    billed: false,
    cause: 'The Authorization signature is invalid.',
    action: 'Sign with the AccessKey of this account, over the exact method, path, query and headers that are sent.',
  },
  RequestTimeTooSkewed: {
    status: 403,
    type: 'requestError',
    billed: false,
    cause:
      'The signature is valid for only 15 minutes from its Date header, and the Date in the request is more than 15 minutes from the current time.',
    action: "Correct the client's clock and sign the request again.",
  },
  MethodNotAllowed: {
    status: 403,
    type: 'requestError',
    billed: false,
    cause:
      'The request method is not allowed by the trigger configuration (for example, POST when only GET is configured).',
    action: "Use one of the trigger's request methods, or add this method to the trigger.",
  },
  InternetURLDisabled: {
    status: 403,
    type: 'requestError',
    billed: false,
    cause: 'access denied due to function internet URL is disable',
    action: 'Call the internal endpoint, or turn off Disable Internet URL on the trigger.',
  },
  Unauthorized: {
    status: 401,
    type: 'requestError',
    billed: false,
    cause:
      "The request did not pass the trigger's authentication: a missing or invalid Basic password, Bearer token or JWT.",
    action: "Send the credentials the trigger's authentication method expects.",
  },
  TriggerNotFound: {
    status: 404,
    type: 'requestError',
    billed: false,
    cause: 'An HTTP request is sent to a function that does not have an HTTP trigger.',
    action: 'Create an HTTP trigger for the function, or check the endpoint address.',
  },
  // Code name unconfirmed: FC documents no answer for a custom domain path that no route serves.
  DomainRouteNotFound: {
    status: 404,
    type: 'requestError',
    billed: false,
    cause: "A request reached a custom domain at a path that none of the domain's routes serves.",
    action:
      'Add a route for this path to the custom domain (a path ending with * serves every path that begins with it).',
  },
  // Code name unconfirmed: FC documents a domain's protocol (HTTP, HTTPS, or both) but not the answer to the other one.
  // The engine gives it to HTTPS for an HTTP-only domain; HTTPS-only domains still answer plain HTTP (decision 042).
  DomainProtocolNotAllowed: {
    status: 403,
    type: 'requestError',
    billed: false,
    cause: 'The request came over HTTPS to a custom domain that serves HTTP only.',
    action: 'Call the domain with http://, or add HTTPS (and a certificate) to the domain.',
  },
  ClientClosedRequest: {
    status: 499,
    type: 'requestError',
    billed: false,
    cause: 'The client closed the connection before the function answered.',
    action: 'Wait longer on the client, or invoke long-running work asynchronously.',
  },
  ResourceThrottled: {
    status: 429,
    type: 'userThrottling',
    billed: false,
    cause:
      'Request throttled: every instance of the function is busy and the instance limit is reached (a reserved concurrency of 0 takes no requests at all).',
    action: 'Reduce concurrency, or raise the instance concurrency or the reserved concurrency of the function.',
  },
  UnhandledInvocationError: {
    status: 502,
    type: 'functionError',
    billed: true,
    cause: 'The function code has a syntax error or threw an exception.',
    action: 'Read the logs of this invocation, fix the code and deploy again.',
  },
  FunctionTimeout: {
    status: 502,
    type: 'functionError',
    billed: true,
    cause: 'The function ran longer than its timeout and was stopped.',
    action: 'Make the function faster, raise its timeout, or invoke it asynchronously.',
  },
  FunctionExited: {
    status: 502,
    type: 'functionError',
    billed: true,
    // FC answers an out-of-memory function this way too ("Process exited unexpectedly before completing request").
    cause:
      'The function process exited, crashed or ran out of memory (used more than its memorySize) while handling the request.',
    action:
      'Read the logs of this invocation; do not call process.exit in a handler; raise memorySize if it ran out of memory.',
  },
  HandlerNotFound: {
    status: 502,
    type: 'functionError',
    billed: true,
    cause: 'An HTTP request is sent to a function that does not use an HTTP handler.',
    action: "Export the handler named in the function's configuration, or start an HTTP server in a web function.",
  },
  InstanceStartFailed: {
    status: 502,
    type: 'functionError',
    billed: true,
    cause: 'The web function did not start listening on its port in time.',
    action: 'Listen on the port in FC_SERVER_PORT (or PORT) and check the start command.',
  },
  BadResponse: {
    status: 502,
    type: 'functionError',
    billed: true,
    cause:
      'The function response exceeds the response limits (headers over 8 KB, or a body over 32 MB: a streamed response past 32 MB is cut short) or is malformed.',
    action:
      'Send fewer or smaller response headers, keep the body within 32 MB (serve larger files through storage), and return {statusCode, headers, body}.',
  },
  RuntimeNotSupportedLocally: {
    status: 501,
    type: 'systemError',
    billed: false,
    cause:
      "The function's runtime (Python, Java, PHP, Go, .NET or a custom container) runs in the cloud only: the local engine runs Node.js and custom runtimes.",
    action:
      'Deploy the function to Function Compute to run it, or use a custom runtime (custom.debian10/11/12) whose start command runs it here.',
  },
  InternalError: {
    status: 500,
    type: 'systemError',
    billed: false,
    cause: 'Function Compute internal error.',
    action: 'Retry the request.',
  },
  // Ours: FC documents no time bound on rewrite rules (decision 035).
  DomainRewriteTimeout: {
    status: 503,
    type: 'systemThrottling',
    billed: false,
    cause: `The custom domain's rewrite rules could not be matched against this path in time (costly rules get ${REWRITE_DEADLINE_MS} ms of a thread of their own per path, so that they never hold up other requests), and the request was not sent to the function.`,
    action:
      "Simplify the route's regex and wildcard rules (fewer optional, repeated or .* parts, fewer *), or send a shorter path; if many such paths arrived at once, retry.",
  },
  SystemThrottled: {
    status: 503,
    type: 'systemThrottling',
    billed: false,
    cause: 'Function Compute system throttling.',
    action: 'Retry with exponential backoff.',
  },
} as const satisfies Record<string, GatewayErrorEntry>;

export type GatewayErrorCode = keyof typeof GATEWAY_ERRORS;

export function isGatewayErrorCode(code: string): code is GatewayErrorCode {
  return Object.hasOwn(GATEWAY_ERRORS, code);
}

/** The rows for a status, in catalogue order (a 403 has several causes). */
export function entriesForStatus(status: number): Array<[GatewayErrorCode, GatewayErrorEntry]> {
  return (Object.entries(GATEWAY_ERRORS) as Array<[GatewayErrorCode, GatewayErrorEntry]>).filter(
    ([, entry]) => entry.status === status,
  );
}

/** The gateway's error body. */
export type GatewayErrorBody = { Code: GatewayErrorCode; Message: string; RequestId: string };

/** The seed's "Error Type" column, in English; the SPA translates by type. */
export const ERROR_TYPE_LABELS: Record<ErrorType, string> = {
  requestError: 'Request error',
  functionError: 'Function error',
  userThrottling: 'User throttling',
  systemError: 'System error',
  systemThrottling: 'System throttling',
};

/**
 * A status the gateway never answers by itself (a 418, a 504): it came from the function's own
 * response, so the function ran and the call is billed like any other.
 */
export const UNKNOWN_STATUS = 'UnknownStatus';
export const UNKNOWN_STATUS_TEXT = {
  cause:
    "Function Compute does not answer this status itself: it most likely comes from the function's own response, so the function ran.",
  action: 'Read the response body and the logs of this invocation.',
} as const;

export type StatusExplanation = GatewayErrorEntry & { code: GatewayErrorCode | typeof UNKNOWN_STATUS };

/**
 * The catalogue rows that explain a response: the row of a known code (`Code` of the error body or
 * `x-fc-error-type`), else every row of the status, else one generic row. A success without an
 * error code explains nothing.
 */
export function explainStatus(status: number, code?: string): StatusExplanation[] {
  if (code && isGatewayErrorCode(code)) return [{ code, ...GATEWAY_ERRORS[code] }];
  if (status < 400) return [];
  const rows = entriesForStatus(status).map(([rowCode, entry]) => ({ code: rowCode, ...entry }));
  if (rows.length > 0) return rows;
  const type: ErrorType = status >= 500 ? 'functionError' : 'requestError';
  return [{ code: UNKNOWN_STATUS, status, type, billed: true, ...UNKNOWN_STATUS_TEXT }];
}

import type { FunctionSpec } from './types';

/**
 * What FC's `x-fc-control-path` says a request to a custom runtime's server is: an InvokeFunction
 * (event) call, an HTTP trigger request, or the Initializer hook. The server routes on it.
 */
export const CONTROL_PATH = { event: '/invoke', http: '/http-invoke', initialize: '/initialize' } as const;

/**
 * FC's common request headers that describe the function, the same for every request an instance
 * serves, so built once per instance ("Context and log format" of custom runtimes: the handler,
 * memory, region, account, qualifier, version, name, log project and logstore; the timeout as FC's
 * own runtimes read it). Only what the engine knows: a header with no value here is not sent (LATEST
 * has no version id, a function without logConfig no log project). The role's temporary AccessKey
 * headers are never sent: the engine assumes no role, and its own keys never reach a function.
 */
export function functionRequestHeaders(
  spec: FunctionSpec,
  account: { accountId: string; region: string },
): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {
    'x-fc-function-name': spec.functionName,
    'x-fc-function-handler': spec.handler,
    'x-fc-function-memory': String(spec.memorySize),
    'x-fc-function-timeout': String(spec.timeoutSeconds),
    'x-fc-region': account.region,
    'x-fc-qualifier': spec.qualifier,
  };
  const optional: Array<[string, string | undefined]> = [
    ['x-fc-account-id', account.accountId],
    ['x-fc-version-id', spec.versionId],
    ['x-fc-service-logproject', spec.logConfig?.project],
    ['x-fc-service-logstore', spec.logConfig?.logstore],
  ];
  for (const [name, value] of optional) if (value) headers[name] = value;
  return Object.freeze(headers);
}

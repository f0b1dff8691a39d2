import type { HttpTestRequest, InvocationResult, KeyValue } from '../../contract/invocation';
import { isJson } from '../../contract/invocation';
import { CONSOLE_REQUEST_HEADER, REDACTED, type RecordedRequest } from '../../contract/recorded-request';
import { HTTP_METHODS, type Trigger } from '../../contract/trigger';
import { defaultAuth, type TestParams } from '../features/invocations/test-params';

/** Lines the client, Node or the gateway set for itself, and redacted ones: the bff sends its own. */
const NOT_RESENT = new Set(['host', 'content-length', 'connection', 'transfer-encoding', CONSOLE_REQUEST_HEADER]);
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

const resent = ([name, value]: readonly [string, string]) =>
  !value.includes(REDACTED) && !NOT_RESENT.has(name.toLowerCase()) && !name.toLowerCase().startsWith('x-fc-');

function queryOf(search: string): KeyValue[] {
  return [...new URLSearchParams(search)]
    .filter(([, value]) => !value.includes(REDACTED))
    .map(([key, value]) => ({ key, value }));
}

export type ReplayBlock = 'noDomain' | 'noDetail' | 'binaryBody' | 'truncatedBody' | 'method' | 'noTrigger';

/** Why a recorded request cannot be sent again as it was, if it cannot. */
export function replayBlock(recorded: RecordedRequest, trigger: Trigger | undefined): ReplayBlock | undefined {
  const throughDomain = recorded.via === 'custom-domain';
  if (throughDomain && !recorded.domainName) return 'noDomain';
  if (!recorded.request || recorded.detailDropped) return 'noDetail';
  if (recorded.request.body.encoding !== 'text') return 'binaryBody';
  if (recorded.request.body.truncated) return 'truncatedBody';
  if (!(HTTP_METHODS as readonly string[]).includes(recorded.method)) return 'method';
  if (!trigger && !throughDomain) return 'noTrigger';
  return undefined;
}

/** The recorded request as Test Function sends it: path, query, headers and body as they came, minus secrets. */
export function toHttpTestRequest(recorded: RecordedRequest): HttpTestRequest {
  const [path = '/', search = ''] = recorded.path.split(/\?(.*)/s);
  const headers = (recorded.request?.headers ?? [])
    .filter((pair) => resent(pair) && HEADER_NAME.test(pair[0]))
    .slice(0, 100)
    .map(([key, value]) => ({ key, value }));
  const body = recorded.request?.body.encoding === 'text' ? recorded.request.body.data : '';
  const contentType = recorded.request?.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';
  return {
    kind: 'http',
    method: recorded.method as HttpTestRequest['method'],
    path: path.startsWith('/') ? path : `/${path}`,
    query: queryOf(search),
    headers,
    bodyType: contentType.includes('json') && body.trim() !== '' && isJson(body) ? 'json' : 'text',
    body,
  };
}

/** What Replay sends: Test Function's parameters, or the custom domain the request came through. */
export type ReplayParams = TestParams & { domainName?: string };

/**
 * What Test Function and Replay send: the same trigger and endpoint, credentials from the trigger's
 * settings; a request that came through a custom domain goes to that domain again (the bff places
 * the domain's credentials).
 */
export function toTestParams(recorded: RecordedRequest, trigger: Trigger | undefined, jwt?: string): ReplayParams {
  if (recorded.via === 'custom-domain' && recorded.domainName)
    return { request: toHttpTestRequest(recorded), domainName: recorded.domainName };
  const auth =
    trigger?.triggerConfig.authType === 'jwt'
      ? jwt
        ? { type: 'jwt' as const, token: jwt }
        : undefined
      : defaultAuth(trigger);
  return {
    request: toHttpTestRequest(recorded),
    ...(recorded.triggerName ? { triggerName: recorded.triggerName } : {}),
    endpoint: recorded.via === 'intranet' ? 'intranet' : 'internet',
    ...(auth ? { auth } : {}),
  };
}

/** A recorded row as the error panel reads a Test Function result: the same explanation for the same answer. */
export function toInvocationResult(recorded: RecordedRequest): InvocationResult {
  const headers = recorded.response?.headers ?? [];
  return {
    id: `recorded-${recorded.seq}`,
    functionName: recorded.functionName,
    mode: recorded.invocationType,
    kind: 'http',
    ...(recorded.triggerName ? { triggerName: recorded.triggerName } : {}),
    target: `${recorded.method} ${recorded.path}`,
    invokedAt: recorded.time,
    durationMs: recorded.durationMs,
    status: recorded.status,
    statusText: '',
    requestId: recorded.requestId,
    ...(headers.some(([name]) => name.toLowerCase() === 'x-fc-error-type') && recorded.errorCode
      ? { errorType: recorded.errorCode }
      : {}),
    ...(recorded.errorCode ? { errorCode: recorded.errorCode } : {}),
    headers,
    body: recorded.response?.body ?? { encoding: 'text', data: '', size: 0 },
    ...(recorded.logs !== undefined ? { logs: recorded.logs } : {}),
    request: toHttpTestRequest(recorded),
    sent: { headerBytes: recorded.sent.headerBytes, pathWithQueryBytes: recorded.sent.pathWithQueryBytes },
  };
}

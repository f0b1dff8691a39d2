import {
  invocationResultSchema,
  type HttpTestRequest,
  type InvocationResult,
} from '../../../../../contract/invocation';
import type { Trigger } from '../../../../../contract/trigger';

/** What the error panel and the copy helpers are tested with: a request, its trigger, the gateway's answers. */
export const testRequest: HttpTestRequest = {
  kind: 'http',
  method: 'POST',
  path: '/orders',
  query: [{ key: 'page', value: '2' }],
  headers: [],
  bodyType: 'json',
  body: '{"id":1}',
};

export const testTrigger: Trigger = {
  triggerId: 't-1',
  triggerName: 'http-trigger',
  triggerType: 'http',
  qualifier: 'LATEST',
  createdTime: '2025-03-01T07:00:00Z',
  lastModifiedTime: '2025-03-01T07:00:00Z',
  triggerConfig: { methods: ['GET', 'PUT'], authType: 'anonymous', authConfig: undefined, disableURLInternet: true },
  httpTrigger: {
    urlInternet: 'http://hello-world-abcdefghij.cn-hangzhou.fcapp.localhost:3001',
    urlIntranet: 'http://hello-world-abcdefghij.cn-hangzhou-vpc.fcapp.localhost:3001',
  },
};

/** A gateway error response as the Test Function result holds it. */
export function errorResult(
  status: number,
  code: string | undefined,
  overrides: Partial<InvocationResult> = {},
): InvocationResult {
  const data = code ? JSON.stringify({ Code: code, Message: `gateway says ${code}`, RequestId: 'req-1' }) : 'oops';
  return invocationResultSchema.parse({
    id: 'r-1',
    functionName: 'hello-world',
    mode: 'sync',
    kind: 'http',
    triggerName: 'http-trigger',
    target: `POST ${testTrigger.httpTrigger.urlInternet}/orders?page=2`,
    invokedAt: '2025-03-01T08:00:00.000Z',
    durationMs: 500,
    status,
    statusText: '',
    requestId: 'req-1',
    ...(code ? { errorCode: code } : {}),
    headers: [['date', 'Sat, 01 Mar 2025 08:00:00 GMT']],
    body: { encoding: 'text', data, size: data.length },
    request: testRequest,
    ...overrides,
  });
}

import type { OutgoingHttpHeaders } from 'node:http';
import type { RecordedRequestSummary } from '../../contract/recorded-request';
import { hostnameOf } from '../../contract/trigger-url';
import { isAsyncInvocation, type Endpoint, type HeaderPair } from '../gateway/gateway-context';
import { ERROR_HEAD_BYTES, type CapturedRequest, type Observation } from './capture';
import { redactionTriggerOf } from './redact';

const VIA: Record<Endpoint, RecordedRequestSummary['via']> = {
  internet: 'internet',
  intranet: 'intranet',
  customDomain: 'custom-domain',
};

/** An observation shaped as the store takes it; runs in the batch writer, off the request path. */
export function capturedRequest(observed: Observation): CapturedRequest {
  const { trigger, endpoint } = observed.target!;
  const headers = headerPairsOf(observed.responseHeaders);
  const errorType = headers.find(([name]) => name.toLowerCase() === 'x-fc-error-type')?.[1];
  const triggerName =
    'triggerName' in trigger && typeof trigger.triggerName === 'string' ? trigger.triggerName : undefined;
  const { req, status } = observed;
  const bodyHead = status >= 400 || observed.detail ? observed.body.data() : undefined;
  return {
    startedAt: observed.startedAt,
    durationMs: observed.durationMs,
    requestId: observed.requestId,
    functionName: trigger.functionName,
    qualifier: trigger.qualifier,
    ...(endpoint === 'customDomain' ? { domainName: hostnameOf(req.headers.host) } : { triggerName }),
    via: VIA[endpoint],
    method: (req.method ?? 'GET').toUpperCase(),
    path: req.url ?? '/',
    sourceIp: (observed.remoteAddress ?? '').replace(/^::ffff:/, ''),
    status,
    invocationType:
      observed.requestHeaders && isAsyncInvocation({ headers: observed.requestHeaders }) ? 'async' : 'sync',
    fromConsole: observed.fromConsole,
    trigger: redactionTriggerOf(trigger.triggerConfig),
    requestHeaders: observed.rawRequestHeaders,
    requestBodySize: observed.requestBodySize,
    ...(errorType ? { errorType } : {}),
    ...(status >= 400 && bodyHead ? { errorHead: bodyHead.subarray(0, ERROR_HEAD_BYTES) } : {}),
    ...(observed.detail
      ? {
          detail: {
            requestBody: observed.requestBody ?? Buffer.alloc(0),
            responseHeaders: headers,
            responseBody: bodyHead!,
            responseBodySize: observed.body.size,
          },
        }
      : {}),
  };
}

function headerPairsOf(headers: unknown): HeaderPair[] {
  if (!headers) return [];
  if (Array.isArray(headers)) {
    if (headers.every((h) => Array.isArray(h))) return headers.map((h: unknown[]) => [String(h[0]), String(h[1])]);
    const pairs: HeaderPair[] = [];
    for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]), String(headers[i + 1])]);
    return pairs;
  }
  return Object.entries(headers as OutgoingHttpHeaders).flatMap(([name, value]): HeaderPair[] => {
    if (value === undefined) return [];
    return Array.isArray(value) ? value.map((v) => [name, String(v)]) : [[name, String(value)]];
  });
}

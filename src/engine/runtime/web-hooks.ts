import { randomUUID } from 'node:crypto';
import type { FunctionSpec, InvokeFailure } from './types';
import { CONTROL_PATH } from './fc-request-headers';
import { proxyRequest, type ProxyCall, type ProxyTarget } from './web-proxy';

type Failure = Omit<InvokeFailure, 'logs'>;
type Broken = ProxyCall['broken'];

/** How much of a failed hook's answer becomes the request's error message: all of it that is read. */
const MESSAGE_LIMIT = 1024;

/**
 * FC's Initializer hook of a custom runtime: `POST /initialize`, no body, the common headers (the
 * first request's id among them), bounded by the hook's timeout. A 2xx answer (and no failing
 * `x-fc-status`) means initialized; anything else is that request's failure.
 */
export async function runInitializer(
  target: ProxyTarget,
  spec: FunctionSpec,
  requestId: string,
  broken: Broken,
): Promise<Failure | undefined> {
  const timeoutSeconds = spec.initializerTimeoutSeconds ?? spec.timeoutSeconds;
  const outcome = await proxyRequest(target, {
    method: 'POST',
    path: CONTROL_PATH.initialize,
    headers: {
      'x-fc-control-path': CONTROL_PATH.initialize,
      'x-fc-function-initializer': spec.initializer ?? '',
      'x-fc-initialization-timeout': String(timeoutSeconds),
    },
    body: Buffer.alloc(0),
    requestId,
    timeoutSeconds,
    broken,
    bufferLimit: MESSAGE_LIMIT,
  });
  if ('error' in outcome) {
    if (outcome.error !== 'FunctionTimeout') return outcome;
    return { error: 'FunctionTimeout', message: `Function initialization timed out after ${timeoutSeconds} seconds` };
  }
  const status = outcome.headers.find(([name]) => name.toLowerCase() === 'x-fc-status')?.[1];
  const failed = outcome.statusCode < 200 || outcome.statusCode > 299 || (status !== undefined && status !== '200');
  if (!failed) return undefined;
  const said = outcome.body.subarray(0, MESSAGE_LIMIT).toString('utf8').trim();
  return { error: 'UnhandledInvocationError', message: said || `The initializer answered ${outcome.statusCode}` };
}

/** FC's PreStop hook of a custom runtime: `GET /pre-stop`, bounded by its timeout; its answer is not used. */
export async function runPreStop(target: ProxyTarget, spec: FunctionSpec, broken: Broken): Promise<void> {
  await proxyRequest(target, {
    method: 'GET',
    path: '/pre-stop',
    headers: {},
    body: Buffer.alloc(0),
    requestId: randomUUID(),
    timeoutSeconds: spec.preStopTimeoutSeconds ?? spec.timeoutSeconds,
    broken,
    bufferLimit: 0,
  });
}

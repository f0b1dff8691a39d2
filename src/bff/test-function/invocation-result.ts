import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { InvocationMode, InvocationResult, ResponseBody, TestRequest } from '../../contract/invocation';

const EXTRA_STATUS_TEXT: Record<number, string> = { 499: 'Client Closed Request' };

export function statusTextOf(status: number): string {
  return STATUS_CODES[status] ?? EXTRA_STATUS_TEXT[status] ?? '';
}

/** The Code of a gateway or OpenAPI JSON error body ({Code, Message, RequestId}). */
export function errorCodeOf(status: number, body: ResponseBody): string | undefined {
  if (status < 400 || body.encoding !== 'text') return undefined;
  try {
    const parsed = JSON.parse(body.data) as { Code?: unknown };
    return typeof parsed.Code === 'string' ? parsed.Code : undefined;
  } catch {
    return undefined;
  }
}

const header = (headers: ReadonlyArray<[string, string]>, name: string) =>
  headers.find(([n]) => n === name)?.[1] || undefined;

/** Headers the console added for itself: the log tail is shown decoded, as the logs. */
const HIDDEN_HEADERS = new Set(['x-fc-log-result']);

export type Outcome = {
  functionName: string;
  mode: InvocationMode;
  kind: 'http' | 'event';
  triggerName?: string;
  target: string;
  request: TestRequest;
  invokedAt: Date;
  durationMs: number;
  status: number;
  /** Lower-case names. */
  headers: Array<[string, string]>;
  body: ResponseBody;
  logs?: string;
  sent?: InvocationResult['sent'];
};

export function toInvocationResult(outcome: Outcome): InvocationResult {
  const { headers, invokedAt, logs, triggerName, sent, ...rest } = outcome;
  const errorType = header(headers, 'x-fc-error-type');
  const errorCode = errorCodeOf(outcome.status, outcome.body);
  const requestId = header(headers, 'x-fc-request-id');
  const taskId = header(headers, 'x-fc-async-task-id');
  return {
    id: randomUUID(),
    ...rest,
    ...(triggerName ? { triggerName } : {}),
    invokedAt: invokedAt.toISOString(),
    statusText: statusTextOf(outcome.status),
    ...(requestId ? { requestId } : {}),
    ...(taskId ? { taskId } : {}),
    ...(errorType ? { errorType } : {}),
    ...(errorCode ? { errorCode } : {}),
    headers: headers.filter(([name]) => !HIDDEN_HEADERS.has(name)),
    ...(logs !== undefined ? { logs } : {}),
    ...(sent ? { sent } : {}),
  };
}

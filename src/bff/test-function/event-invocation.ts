import { Readable } from 'node:stream';
import * as $dara from '@darabonba/typescript';
import * as $FC from '@alicloud/fc20230330';
import type { InvocationResult, InvokeInput } from '../../contract/invocation';
import { FcError } from '../fc-error';
import type { InvocationContext } from './http-invocation';
import { toInvocationResult } from './invocation-result';
import { logsOf } from './invocation-logs';
import { toResponseBody } from './response-body';
import { MAX_BODY_BYTES } from './send-http';

/** Failures of the console or its connection, not answers of Function Compute: they stay API errors. */
const NOT_AN_ANSWER = new Set(['EngineUnavailable', 'CredentialsUnavailable', 'InvalidResponse', 'InternalError']);

async function readCapped(stream: Readable | undefined): Promise<{ bytes: Buffer; size: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let kept = 0;
  for await (const chunk of stream ?? []) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += bytes.length;
    if (kept < MAX_BODY_BYTES) {
      const part = bytes.subarray(0, MAX_BODY_BYTES - kept);
      chunks.push(part);
      kept += part.length;
    }
  }
  return { bytes: Buffer.concat(chunks), size };
}

type Answer = { status: number; headers: Array<[string, string]>; bytes: Buffer; size: number };

/** An OpenAPI error (404 FunctionNotFound, 429 throttling, ...) is the invocation's answer too. */
function errorAnswer(error: FcError): Answer {
  const bytes = Buffer.from(JSON.stringify({ Code: error.code, Message: error.message, RequestId: error.requestId }));
  const headers: Array<[string, string]> = [['content-type', 'application/json']];
  if (error.requestId) headers.push(['x-fc-request-id', error.requestId]);
  return { status: error.status, headers, bytes, size: bytes.length };
}

/** Test Function for a function without an HTTP trigger: InvokeFunction with the event payload. */
export async function invokeWithEvent(
  context: InvocationContext,
  input: InvokeInput & { request: { kind: 'event'; event: string } },
): Promise<InvocationResult> {
  const sync = input.mode === 'sync';
  const headers = new $FC.InvokeFunctionHeaders(
    sync ? { xFcInvocationType: 'Sync', xFcLogType: 'Tail' } : { xFcInvocationType: 'Async' },
  );
  const invokedAt = new Date();
  const started = performance.now();
  let answer: Answer;
  try {
    const payload = Readable.from([Buffer.from(input.request.event, 'utf8')]);
    const request = new $FC.InvokeFunctionRequest({
      body: payload,
      ...(input.qualifier ? { qualifier: input.qualifier } : {}),
    });
    const res = await context.fcCall((fc) =>
      fc.invokeFunctionWithOptions(context.functionName, request, headers, new $dara.RuntimeOptions({})),
    );
    const body = await readCapped(res.body);
    const pairs = Object.entries(res.headers ?? {}).map(([name, value]): [string, string] => [
      name.toLowerCase(),
      String(value),
    ]);
    answer = { status: res.statusCode ?? 200, headers: pairs, ...body };
  } catch (error) {
    if (!(error instanceof FcError) || NOT_AN_ANSWER.has(error.code)) throw error;
    answer = errorAnswer(error);
  }
  const durationMs = Math.round(performance.now() - started);
  // InvokeFunction labels whatever the handler returned application/octet-stream: the bytes decide.
  const declared = answer.headers.find(([name]) => name === 'content-type')?.[1];
  const contentType = declared?.startsWith('application/octet-stream') ? undefined : declared;
  return toInvocationResult({
    functionName: context.functionName,
    mode: input.mode,
    kind: 'event',
    target: 'InvokeFunction',
    request: input.request,
    invokedAt,
    durationMs,
    status: answer.status,
    headers: answer.headers,
    body: toResponseBody(answer.bytes, {
      size: answer.size,
      contentType,
      truncated: answer.size > answer.bytes.length,
    }),
    logs: sync ? await logsOf(context, answer.headers) : undefined,
  });
}

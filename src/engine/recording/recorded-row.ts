import { isUtf8 } from 'node:buffer';
import type { ResponseBody } from '../../contract/invocation';
import type { RecordedRequest, RecordedRequestSummary } from '../../contract/recorded-request';
import { headerBytes } from '../../contract/request-limits';
import { mimeType, type HeaderPair } from '../gateway/gateway-context';
import type { CapturedRequest } from './capture';
import { redactForm, redactHeaders, redactionFor, redactPath, scrubBytes, type Redaction } from './redact';

/** What the store keeps of one request: redacted, in the contract's shapes (seq is the row's). */
export type RecordedRow = {
  summary: Omit<RecordedRequestSummary, 'seq'>;
  detail: Pick<RecordedRequest, 'request' | 'response' | 'sent' | 'detailDropped'>;
  /** As stored: each serialized once. */
  json: { summary: string; detail: string };
  /** What the row takes in the store, counted against the total bound: `{"summary":…,"detail":…}`'s bytes. */
  bytes: number;
};

/** The bytes of `{"summary":` `,"detail":` `}` around the two documents. */
const ROW_FRAMING_BYTES = 22;

/** The gateway's own error bodies start so (errors.ts): the code is read without parsing a cut body. */
const GATEWAY_CODE = /^\{"Code":"([A-Za-z.]{1,64})"/;

function contentTypeOf(headers: readonly HeaderPair[]): string | undefined {
  return headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
}

/** A bounded body as the contract shows one: text when it is UTF-8, base64 otherwise, `truncated` when cut. */
export function recordedBody(
  data: Buffer,
  size: number,
  contentType: string | undefined,
  truncated = size > data.length,
): ResponseBody {
  // A cut may split a character: up to 3 trailing bytes are dropped before deciding it is binary.
  let text: Buffer | undefined = isUtf8(data) ? data : undefined;
  for (let cut = 1; !text && truncated && cut <= 3 && cut <= data.length; cut++)
    if (isUtf8(data.subarray(0, data.length - cut))) text = data.subarray(0, data.length - cut);
  const body: ResponseBody = {
    encoding: text ? 'text' : 'base64',
    data: text ? text.toString('utf8') : data.toString('base64'),
    size,
  };
  // Assigned, not spread: the same keys in the same order, without a temporary object and a copy each.
  if (contentType) body.contentType = contentType;
  if (truncated) body.truncated = true;
  return body;
}

function errorCodeOf(captured: CapturedRequest): string | undefined {
  if (captured.errorType) return captured.errorType;
  if (captured.status < 400 || !captured.errorHead) return undefined;
  return GATEWAY_CODE.exec(captured.errorHead.toString('utf8'))?.[1];
}

/** Redacts and shapes a capture; runs in the batch writer, before anything is stored. */
export function recordedRow(captured: CapturedRequest): RecordedRow {
  const requestType = contentTypeOf(captured.requestHeaders);
  const isForm = captured.detail && mimeType(requestType) === 'application/x-www-form-urlencoded';
  const formText = isForm ? captured.detail!.requestBody.toString('utf8') : undefined;
  const redaction = redactionFor(captured.trigger, captured.requestHeaders, queryOf(captured.path), formText);
  const errorCode = errorCodeOf(captured);
  // One literal, every key in the contract's order: an absent one is `undefined`, which JSON leaves out.
  const summary: RecordedRow['summary'] = {
    requestId: captured.requestId,
    time: new Date(captured.startedAt).toISOString(),
    functionName: captured.functionName,
    qualifier: captured.qualifier,
    triggerName: captured.triggerName || undefined,
    domainName: captured.domainName || undefined,
    via: captured.via,
    method: captured.method,
    path: redactPath(captured.path, redaction),
    sourceIp: captured.sourceIp,
    status: captured.status,
    durationMs: Math.round(captured.durationMs * 1000) / 1000,
    invocationType: captured.invocationType,
    errorCode: errorCode || undefined,
    fromConsole: captured.fromConsole,
  };
  const detail = detailOf(captured, redaction, formText, requestType);
  const json = { summary: JSON.stringify(summary), detail: JSON.stringify(detail) };
  const bytes = Buffer.byteLength(json.summary) + Buffer.byteLength(json.detail) + ROW_FRAMING_BYTES;
  return { summary, detail, json, bytes };
}

function queryOf(pathWithQuery: string): string {
  const q = pathWithQuery.indexOf('?');
  return q === -1 ? '' : pathWithQuery.slice(q + 1);
}

function detailOf(
  captured: CapturedRequest,
  redaction: Redaction,
  formText: string | undefined,
  requestType: string | undefined,
): RecordedRow['detail'] {
  const { detail } = captured;
  const sent = {
    headerBytes: headerBytes(captured.requestHeaders),
    pathWithQueryBytes: Buffer.byteLength(captured.path),
    bodyBytes: captured.requestBodySize,
  };
  if (!detail) return { sent, detailDropped: true };
  const requestBody =
    formText !== undefined
      ? Buffer.from(redactForm(formText, redaction), 'utf8')
      : scrubBytes(detail.requestBody, redaction);
  const responseBody = scrubBytes(detail.responseBody, redaction);
  return {
    request: {
      headers: redactHeaders(captured.requestHeaders, redaction),
      body: recordedBody(
        requestBody,
        captured.requestBodySize,
        requestType,
        captured.requestBodySize > detail.requestBody.length,
      ),
    },
    response: {
      headers: redactHeaders(detail.responseHeaders, redaction),
      body: recordedBody(
        responseBody,
        detail.responseBodySize,
        contentTypeOf(detail.responseHeaders),
        detail.responseBodySize > detail.responseBody.length,
      ),
    },
    sent,
  };
}

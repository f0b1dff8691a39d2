import type { HeaderPair } from '../gateway/gateway-context';
import type { CapturedDetail, CapturedRequest } from './capture';

/**
 * A batch as one message: every request's fields in one flat array of strings and numbers, in the
 * order `packBatch` pushes them (objects with named fields cost the event loop's serializer several
 * times as much), a JWT trigger's token lookup among them; every body copied into one fresh
 * buffer, which is transferred, not cloned (a captured body may be a slice of Node's shared pool or
 * of a larger read: cloning a view clones the whole buffer behind it).
 */
export type PostedBatch = {
  count: number;
  values: unknown[];
  bodies: ArrayBuffer;
  now: number;
};

function pushPairs(values: unknown[], pairs: readonly HeaderPair[]): void {
  values.push(pairs.length);
  for (const [name, value] of pairs) values.push(name, value);
}

/** One buffer for a batch's bodies: `put` copies one in and answers where it ends (what unpackBatch reads). */
export function bodyBuffer(total: number): { bodies: Uint8Array<ArrayBuffer>; put: (data: Uint8Array) => number } {
  const bodies = new Uint8Array(total);
  let at = 0;
  return {
    bodies,
    put: (data) => {
      bodies.set(data, at);
      return (at += data.length);
    },
  };
}

export function packBatch(batch: readonly CapturedRequest[], now: number): PostedBatch {
  let total = 0;
  for (const { errorHead, detail } of batch)
    total += (errorHead?.length ?? 0) + (detail ? detail.requestBody.length + detail.responseBody.length : 0);
  const { bodies, put } = bodyBuffer(total);
  const values: unknown[] = [];
  for (const c of batch) {
    values.push(c.startedAt, c.durationMs, c.requestId, c.functionName, c.qualifier, c.triggerName, c.domainName);
    values.push(c.via, c.method, c.path, c.sourceIp, c.status, c.invocationType, c.fromConsole);
    values.push(c.trigger.tokenLookup);
    values.push(c.errorType, c.requestBodySize, c.errorHead ? put(c.errorHead) : -1);
    pushPairs(values, c.requestHeaders);
    const { detail } = c;
    if (!detail) {
      values.push(0);
      continue;
    }
    values.push(1, detail.responseBodySize, put(detail.requestBody), put(detail.responseBody));
    pushPairs(values, detail.responseHeaders);
  }
  return { count: batch.length, values, bodies: bodies.buffer, now };
}

/**
 * The batch as the recording thread shapes it: each body a view of the one buffer. Every capture is
 * built by one literal, every field in the same order (`undefined` where absent), so all share one
 * shape: spreads and `delete`s made V8 migrate each object to a new map or a dictionary.
 */
export function unpackBatch({ count, values, bodies }: PostedBatch): CapturedRequest[] {
  let i = 0;
  let at = 0;
  const view = (end: number) => {
    const body = Buffer.from(bodies, at, end - at);
    at = end;
    return body;
  };
  const pairs = () => {
    const headers: HeaderPair[] = [];
    for (let n = values[i++] as number; n > 0; n--) headers.push([values[i++] as string, values[i++] as string]);
    return headers;
  };
  const detail = (): CapturedDetail | undefined => {
    if (values[i++] === 0) return undefined;
    const responseBodySize = values[i++] as number;
    const requestBody = view(values[i++] as number);
    const responseBody = view(values[i++] as number);
    return { requestBody, responseBody, responseBodySize, responseHeaders: pairs() };
  };
  const requests: CapturedRequest[] = [];
  for (let r = 0; r < count; r++) {
    // Initializers run in source order: the order packBatch pushes the values in.
    requests.push({
      startedAt: values[i++] as number,
      durationMs: values[i++] as number,
      requestId: values[i++] as string,
      functionName: values[i++] as string,
      qualifier: values[i++] as string,
      triggerName: values[i++] as string | undefined,
      domainName: values[i++] as string | undefined,
      via: values[i++] as CapturedRequest['via'],
      method: values[i++] as string,
      path: values[i++] as string,
      sourceIp: values[i++] as string,
      status: values[i++] as number,
      invocationType: values[i++] as CapturedRequest['invocationType'],
      fromConsole: values[i++] as boolean,
      trigger: tokenLookupOf(values[i++]),
      errorType: values[i++] as string | undefined,
      requestBodySize: values[i++] as number,
      errorHead: headOf(values[i++] as number, view),
      requestHeaders: pairs(),
      detail: detail(),
    });
  }
  return requests;
}

const NO_TOKEN_LOOKUP: CapturedRequest['trigger'] = Object.freeze({});

function tokenLookupOf(value: unknown): CapturedRequest['trigger'] {
  return value === undefined ? NO_TOKEN_LOOKUP : { tokenLookup: value as string };
}

function headOf(end: number, view: (end: number) => Buffer): Buffer | undefined {
  return end >= 0 ? view(end) : undefined;
}

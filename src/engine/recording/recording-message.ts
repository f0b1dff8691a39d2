import type { HeaderPair } from '../gateway/gateway-context';
import type { CapturedRequest } from './capture';

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

export function packBatch(batch: readonly CapturedRequest[], now: number): PostedBatch {
  let total = 0;
  for (const { errorHead, detail } of batch)
    total += (errorHead?.length ?? 0) + (detail ? detail.requestBody.length + detail.responseBody.length : 0);
  const bodies = new Uint8Array(total);
  let at = 0;
  const put = (data: Uint8Array) => {
    bodies.set(data, at);
    return (at += data.length);
  };
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

/** The batch as the recording thread shapes it: each body a view of the one buffer. */
export function unpackBatch({ count, values, bodies }: PostedBatch): CapturedRequest[] {
  let i = 0;
  let at = 0;
  const next = () => values[i++];
  const view = (end: number) => {
    const body = Buffer.from(bodies, at, end - at);
    at = end;
    return body;
  };
  const pairs = () => {
    const headers: HeaderPair[] = [];
    for (let n = next() as number; n > 0; n--) headers.push([next() as string, next() as string]);
    return headers;
  };
  const requests: CapturedRequest[] = [];
  for (let r = 0; r < count; r++) {
    const c = {
      ...{ startedAt: next(), durationMs: next(), requestId: next(), functionName: next(), qualifier: next() },
      ...{ triggerName: next(), domainName: next(), via: next(), method: next(), path: next(), sourceIp: next() },
      ...{ status: next(), invocationType: next(), fromConsole: next() },
      trigger: tokenLookupOf(next()),
      ...{ errorType: next(), requestBodySize: next() },
    } as CapturedRequest;
    const errorHeadEnd = next() as number;
    if (errorHeadEnd >= 0) c.errorHead = view(errorHeadEnd);
    c.requestHeaders = pairs();
    for (const key of ['triggerName', 'domainName', 'errorType'] as const) if (c[key] === undefined) delete c[key];
    if (next() === 0) {
      requests.push(c);
      continue;
    }
    const responseBodySize = next() as number;
    const requestBody = view(next() as number);
    const responseBody = view(next() as number);
    c.detail = { requestBody, responseBody, responseBodySize, responseHeaders: pairs() };
    requests.push(c);
  }
  return requests;
}

function tokenLookupOf(value: unknown): CapturedRequest['trigger'] {
  return value === undefined ? {} : { tokenLookup: value as string };
}

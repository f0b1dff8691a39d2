import type { CapturedDetail, CapturedRequest } from './capture';

/** Where a body lies in a batch's one buffer: [start, end). */
type Span = readonly [number, number];

/** A captured request as posted to the recording thread: plain data, its bodies as spans of the batch's buffer. */
export type PostedRequest = Omit<CapturedRequest, 'errorHead' | 'detail'> & {
  errorHead?: Span;
  detail?: Omit<CapturedDetail, 'requestBody' | 'responseBody'> & { requestBody: Span; responseBody: Span };
};

export type PostedBatch = { requests: PostedRequest[]; bodies: ArrayBuffer; now: number };

/**
 * A batch as one message: every body copied into one fresh buffer, which is transferred, not cloned.
 * The bodies' own buffers are not transferred: they may be slices of Node's shared pool or of a
 * larger read (cloning a view clones the whole buffer behind it).
 */
export function packBatch(batch: readonly CapturedRequest[], now: number): PostedBatch {
  let total = 0;
  for (const { errorHead, detail } of batch)
    total += (errorHead?.length ?? 0) + (detail ? detail.requestBody.length + detail.responseBody.length : 0);
  const bodies = new Uint8Array(total);
  let at = 0;
  const put = (data: Uint8Array): Span => {
    bodies.set(data, at);
    return [at, (at += data.length)];
  };
  const requests = batch.map(({ errorHead, detail, ...rest }): PostedRequest => {
    const posted: PostedRequest = rest;
    if (errorHead) posted.errorHead = put(errorHead);
    if (detail)
      posted.detail = { ...detail, requestBody: put(detail.requestBody), responseBody: put(detail.responseBody) };
    return posted;
  });
  return { requests, bodies: bodies.buffer, now };
}

/** The batch as the recording thread shapes it: each body a view of the one buffer. */
export function unpackBatch({ requests, bodies }: PostedBatch): CapturedRequest[] {
  const view = ([start, end]: Span) => Buffer.from(bodies, start, end - start);
  return requests.map(({ errorHead, detail, ...rest }): CapturedRequest => {
    const captured: CapturedRequest = rest;
    if (errorHead) captured.errorHead = view(errorHead);
    if (detail)
      captured.detail = { ...detail, requestBody: view(detail.requestBody), responseBody: view(detail.responseBody) };
    return captured;
  });
}

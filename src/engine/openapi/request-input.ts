import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { listLimitSchema } from '../../contract/list-query';
import { OPENAPI_JSON_MAX_DEPTH } from '../../contract/openapi-body-limits';
import { openApiErrors } from '../../contract/openapi-errors';
import { describeIssues } from '../../contract/validation-messages';
import { FcError } from '../fc-error';
import type { PageRequest } from '../store/paging';
import { nestsDeeperThan } from './json-depth';
import type { OpenApiContext } from './openapi-env';

export type BodyReadResult =
  | { ok: true; body: Buffer }
  | { ok: false; code: 'EntityTooLarge' | 'SignatureNotMatch' | 'InvalidArgument'; message: string };

const tooLarge = (limit: number): BodyReadResult => ({
  ok: false,
  code: 'EntityTooLarge',
  message: `payload size exceeds maximum allowed size (${limit} bytes)`,
});

/**
 * Read a request body against a limit and the SHA-256 its signature declared: a `content-length`
 * over the limit is refused before a byte is read; otherwise bytes are counted as they arrive and
 * reading stops (the stream is paused, never drained) at the first byte past the limit.
 */
export function readSignedBody(
  stream: Readable,
  expected: {
    contentLength: string | string[] | undefined;
    limit: number;
    contentSha256: string;
    /** Called once the content-length fits, before the first byte is read (to answer 100-continue). */
    beforeReading?: () => void;
  },
): Promise<BodyReadResult> {
  const { limit, contentSha256 } = expected;
  if (typeof expected.contentLength === 'string' && Number(expected.contentLength) > limit)
    return Promise.resolve(tooLarge(limit));
  expected.beforeReading?.();

  return new Promise((resolve) => {
    const hash = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyReadResult) => {
      stream.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onAbort);
      if (!result.ok) stream.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      hash.update(chunk);
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (hash.digest('hex') !== contentSha256)
        return finish({
          ok: false,
          code: 'SignatureNotMatch',
          message: 'x-acs-content-sha256 does not match the request body.',
        });
      finish({ ok: true, body: Buffer.concat(chunks, size) });
    };
    const onAbort = () => finish({ ok: false, code: 'InvalidArgument', message: 'The request body ended early.' });
    stream.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onAbort);
  });
}

/** The JSON body, parsed by a contract schema; anything wrong is InvalidArgument naming the field. */
export function parseBody<S extends z.ZodType>(c: OpenApiContext, schema: S): z.output<S> {
  const text = new TextDecoder().decode(c.get('rawBody'));
  let json: unknown = {};
  if (text.trim() !== '') {
    if (nestsDeeperThan(text, OPENAPI_JSON_MAX_DEPTH))
      throw new FcError('InvalidArgument', `The request body nests deeper than ${OPENAPI_JSON_MAX_DEPTH} levels.`);
    try {
      json = JSON.parse(text);
    } catch {
      throw new FcError(...openApiErrors.invalidJson());
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  return parsed.data;
}

const listQuerySchema = z.object({
  prefix: z.string().max(128).optional(),
  limit: listLimitSchema.default(20),
  nextToken: z.string().max(256).optional(),
});

/** prefix, limit (default 20, at most 100) and nextToken of a List call. */
export function parseListQuery(c: OpenApiContext): PageRequest {
  const parsed = listQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw new FcError('InvalidArgument', describeIssues(parsed.error.issues));
  const { prefix, limit, nextToken } = parsed.data;
  return { limit, ...(prefix ? { prefix } : {}), ...(nextToken ? { nextToken } : {}) };
}

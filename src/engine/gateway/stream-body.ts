import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { parseClaimPassBy, parseTokenLookup } from '../../contract/auth-config';
import { isCustomRuntime } from '../../contract/function';
import type { HttpTriggerConfig } from '../../contract/trigger';
import { BoundedTee } from '../recording/bounded-tee';
import { isAsyncInvocation, isFormBody } from './gateway-context';
import { discardBody, type BodyRead } from './read-body';

/**
 * Whether the request must be read whole before the function is invoked: an async invocation is
 * stored, Signature auth hashes the body, and a JWT read from (or claims passed to) a form field
 * reads a form body. Anonymous, Basic and Bearer triggers never look at it.
 */
export function policiesReadBody(trigger: HttpTriggerConfig, headers: Record<string, string>): boolean {
  if (isAsyncInvocation({ headers })) return true;
  if (trigger.authType === 'function') return true;
  if (trigger.authType !== 'jwt' || !isFormBody({ headers })) return false;
  const { tokenLookup, claimPassBy = '' } = trigger.authConfig;
  return (
    (parseTokenLookup(tokenLookup) ?? []).some((source) => source.in === 'form') ||
    (parseClaimPassBy(claimPassBy) ?? []).some((pass) => pass.to === 'form')
  );
}

/** A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * A web function's server gets the body as it arrives when no policy reads it first. Event
 * functions keep the buffered path: their event is one JSON document, the body inside it.
 */
export function streamsBody(
  req: IncomingMessage,
  runtime: string | undefined,
  trigger: HttpTriggerConfig,
  headers: Record<string, string>,
): boolean {
  return runtime !== undefined && isCustomRuntime(runtime) && hasBody(req) && !policiesReadBody(trigger, headers);
}

/** A streamed body as the policies see it: its declared length is checked up front, a chunked one while it streams. */
export function declaredBody(headers: Record<string, string>): Omit<BodyRead, 'body'> & { body: undefined } {
  const declared = Number(headers['content-length'] ?? 0);
  return { body: undefined, length: Number.isFinite(declared) ? declared : 0, complete: true };
}

/**
 * The client's body as it arrives, for a web function's server. Nothing is read until the
 * function's request starts; past `limit` bytes the stream fails (`exceeded`) and what the client
 * still sends is discarded, as it is when it fails otherwise (the function's server went away).
 */
export class StreamedBody extends Readable {
  received = 0;
  exceeded = false;
  private reading = false;
  /** The first bytes, for the request's recording (`keep` bytes; none when it is not recorded). */
  private readonly kept: BoundedTee | undefined;

  constructor(
    private readonly req: IncomingMessage,
    private readonly limit: number,
    keep = 0,
  ) {
    super();
    this.kept = keep > 0 ? new BoundedTee(keep) : undefined;
    // The reader (the function's request) sees a failure; the gateway reads `exceeded`.
    this.on('error', () => undefined);
  }

  /** False until the function's request starts reading it. */
  get started(): boolean {
    return this.reading;
  }

  override _read(): void {
    if (this.reading) return void this.req.resume();
    this.reading = true;
    this.req.on('data', this.onData).on('end', this.onEnd).on('close', this.onClose);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.req.off('data', this.onData).off('end', this.onEnd).off('close', this.onClose);
    if (this.reading && !this.req.complete) discardBody(this.req);
    callback(error);
  }

  /** The first bytes that passed (as many as `keep` asked for). */
  head(): Buffer {
    return this.kept?.data() ?? Buffer.alloc(0);
  }

  private readonly onData = (chunk: Buffer) => {
    this.received += chunk.length;
    this.kept?.add(chunk);
    if (this.received > this.limit) {
      this.exceeded = true;
      this.destroy(new Error(`the body passed ${this.limit} bytes`));
    } else if (!this.push(chunk)) this.req.pause();
  };

  private readonly onEnd = () => this.push(null);

  private readonly onClose = () => {
    if (!this.req.complete) this.destroy(new Error('the client closed the connection while sending the body'));
  };
}

import type { RawRequest } from './raw-http';

export type Surface = 'gateway' | 'openapi' | 'console';
export const SURFACES: readonly Surface[] = ['gateway', 'openapi', 'console'];

/** One generated request: `id` and the seed rebuild it; `kind` is the mutation it carries. */
export type FuzzCase = {
  id: number;
  surface: Surface;
  kind: string;
  /** What was mutated, in a few words. */
  detail: string;
  request: RawRequest;
};

/**
 * A request before it is turned into bytes. Strings hold one byte per character (latin1), so a
 * mutation can put any byte anywhere: control characters, a bare CR, the upper half.
 */
export type Draft = {
  method: string;
  target: string;
  version: string;
  lineEnd: string;
  headers: Array<[string, string]>;
  /** Everything after the head, exactly as sent (already chunk-framed when chunked). */
  body: Buffer;
  then: RawRequest['then'];
  hangUpAfterMs?: number;
  /** Send the bytes in two writes, split here. */
  splitAt?: number;
};

export function newDraft(method: string, target: string, headers: Array<[string, string]>, body: Buffer): Draft {
  return { method, target, version: 'HTTP/1.1', lineEnd: '\r\n', headers, body, then: 'wait' };
}

export function draftBytes(d: Draft): Buffer {
  const le = d.lineEnd;
  const head = `${d.method} ${d.target} ${d.version}${le}${d.headers.map(([n, v]) => `${n}: ${v}${le}`).join('')}${le}`;
  return Buffer.concat([Buffer.from(head, 'latin1'), d.body]);
}

export function draftRequest(port: number, d: Draft): RawRequest {
  const bytes = draftBytes(d);
  const at = d.splitAt === undefined ? undefined : Math.min(Math.max(d.splitAt, 0), bytes.length);
  return {
    port,
    parts: at === undefined ? [bytes] : [bytes.subarray(0, at), bytes.subarray(at)].filter((p) => p.length > 0),
    then: d.then,
    hangUpAfterMs: d.hangUpAfterMs,
    head: d.method === 'HEAD',
  };
}

const lower = (name: string) => name.toLowerCase();

export function headerValue(d: Draft, name: string): string | undefined {
  return d.headers.find(([n]) => lower(n) === lower(name))?.[1];
}

/** Replace the first header of that name (or add it at the end). */
export function setHeader(d: Draft, name: string, value: string): void {
  const at = d.headers.findIndex(([n]) => lower(n) === lower(name));
  if (at === -1) d.headers.push([name, value]);
  else d.headers[at] = [name, value];
}

export function removeHeader(d: Draft, name: string): void {
  d.headers = d.headers.filter(([n]) => lower(n) !== lower(name));
}

/** Bytes as JSON string text, cut to `max` bytes: how a request is shown in the report. */
export function preview(bytes: Buffer, max = 300): string {
  const shown = JSON.stringify(bytes.subarray(0, max).toString('latin1'));
  return bytes.length > max ? `${shown}… (${bytes.length} bytes)` : shown;
}

export function chunked(body: Buffer, pieces = 2): Buffer {
  const size = Math.max(1, Math.ceil(body.length / pieces));
  const out: Buffer[] = [];
  for (let i = 0; i < body.length; i += size) {
    const piece = body.subarray(i, i + size);
    out.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  out.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(out);
}

import net from 'node:net';

/** A request as bytes on a fresh connection to 127.0.0.1, and what the client does once they are sent. */
export type RawRequest = {
  port: number;
  /** Written in order; a short pause between parts lets the server read the first ones alone. */
  parts: Buffer[];
  /** `wait` for the answer; `half-close` our side first (a body that never comes); `hang-up` after `hangUpAfterMs`. */
  then: 'wait' | 'half-close' | 'hang-up';
  hangUpAfterMs?: number;
  /** A HEAD request's answer has no body to wait for. */
  head?: boolean;
};

export type RawOutcome =
  | { kind: 'answered'; status: number; head: string; body: string }
  | { kind: 'closed' }
  | { kind: 'timeout' }
  | { kind: 'hung-up' }
  | { kind: 'refused'; error: string };

const SHOWN_BODY_BYTES = 400;
const MAX_READ_BYTES = 1024 * 1024;

type Head = { status: number; text: string; bodyStart: number; length?: number; chunked: boolean };

function parseHead(data: Buffer, isHead: boolean): Head | undefined {
  let from = 0;
  for (;;) {
    const end = data.indexOf('\r\n\r\n', from);
    if (end === -1) return undefined;
    const text = data.subarray(from, end).toString('latin1');
    const status = Number(/^HTTP\/\d\.\d (\d{3})/.exec(text)?.[1] ?? NaN);
    // 100 Continue and other interim answers come before the real one.
    if (status >= 100 && status < 200 && status !== 101) {
      from = end + 4;
      continue;
    }
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(text)?.[1];
    const noBody = isHead || status === 204 || status === 304;
    return {
      status,
      text,
      bodyStart: end + 4,
      length: noBody ? 0 : length === undefined ? undefined : Number(length),
      chunked: !noBody && /\r\ntransfer-encoding:[^\r]*chunked/i.test(text),
    };
  }
}

function complete(data: Buffer, head: Head): boolean {
  const body = data.subarray(head.bodyStart);
  if (head.length !== undefined) return body.length >= head.length;
  if (head.chunked) return body.subarray(0, 5).toString() === '0\r\n\r\n' || body.includes('\r\n0\r\n\r\n');
  return false; // read to the end of the connection
}

/** Send one raw request; never throws, always settles within `timeoutMs`. */
export function sendRaw(request: RawRequest, timeoutMs: number): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port: request.port });
    let data = Buffer.alloc(0);
    let connected = false;
    let settled = false;

    const answered = (): RawOutcome | undefined => {
      const head = parseHead(data, request.head === true);
      if (!head || Number.isNaN(head.status)) return undefined;
      const body = data.subarray(head.bodyStart, head.bodyStart + SHOWN_BODY_BYTES).toString('utf8');
      return { kind: 'answered', status: head.status, head: head.text, body };
    };
    const settle = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle(answered() ?? { kind: 'timeout' }), timeoutMs);

    socket.on('connect', async () => {
      connected = true;
      for (const [i, part] of request.parts.entries()) {
        if (settled || socket.destroyed) return;
        if (i > 0) await new Promise((r) => setTimeout(r, 5));
        socket.write(part);
      }
      if (request.then === 'half-close') socket.end();
      if (request.then === 'hang-up')
        setTimeout(() => settle(answered() ?? { kind: 'hung-up' }), request.hangUpAfterMs ?? 0);
    });
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      const head = parseHead(data, request.head === true);
      const enough = data.length > MAX_READ_BYTES; // the status is what counts, not a huge body
      if (head && !Number.isNaN(head.status) && (enough || complete(data, head))) settle(answered()!);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (!connected) return settle({ kind: 'refused', error: error.code ?? error.message });
      settle(answered() ?? { kind: 'closed' });
    });
    socket.on('close', () => settle(answered() ?? { kind: 'closed' }));
  });
}

/** `METHOD target HTTP/1.1`, the headers, a blank line: the head of a well-formed request. */
export function requestHead(method: string, target: string, headers: ReadonlyArray<readonly [string, string]>): string {
  return `${method} ${target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
}

import net from 'node:net';

/** What came back on a raw connection, read until the server closed it. */
export type RawReply = {
  status: number;
  headers: Array<[string, string]>;
  /** The body as sent on the wire, chunked framing decoded. */
  body: Buffer;
  /** The response framing ended (Content-Length reached, or the last chunk seen). */
  complete: boolean;
  header(name: string): string | undefined;
  json<T = Record<string, unknown>>(): T;
};

/**
 * Sends `head` exactly as written (every header line, repeated or not, as an attacker would) on a
 * new connection to the engine, then `body`, and reads until the server closes the connection:
 * send `Connection: close` to let it. The head's lines end with CRLF; the blank line is added.
 */
export function rawRequest(port: number, head: string, body?: Buffer): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => {
      // Not ended: a client that half-closes is a client that hung up, for Node's server.
      socket.write(`${head}\r\n`);
      if (body) socket.write(body);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    socket.on('close', () => resolve(parse(Buffer.concat(chunks))));
  });
}

/** A request head: the request line, then every header line given, each once. */
export function requestHead(target: string, lines: readonly string[]): string {
  return [`GET ${target} HTTP/1.1`, ...lines].map((line) => `${line}\r\n`).join('');
}

function parse(raw: Buffer): RawReply {
  const end = raw.indexOf('\r\n\r\n');
  const headText = raw.subarray(0, end === -1 ? raw.length : end).toString('latin1');
  const [statusLine = '', ...lines] = headText.split('\r\n');
  const headers = lines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
  });
  const header = (name: string) => headers.find(([n]) => n === name)?.[1];
  const rest = end === -1 ? Buffer.alloc(0) : raw.subarray(end + 4);
  const chunked = header('transfer-encoding')?.toLowerCase() === 'chunked';
  const { body, complete } = chunked ? dechunk(rest) : fixed(rest, header('content-length'));
  return {
    status: Number(statusLine.split(' ')[1] ?? 0),
    headers,
    body,
    complete: end !== -1 && complete,
    header,
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
  };
}

function fixed(rest: Buffer, contentLength: string | undefined) {
  const length = contentLength === undefined ? rest.length : Number(contentLength);
  return { body: rest.subarray(0, length), complete: rest.length >= length };
}

function dechunk(rest: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n', at);
    if (lineEnd === -1) break;
    const size = parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size)) break;
    if (size === 0) return { body: Buffer.concat(parts), complete: true };
    const start = lineEnd + 2;
    parts.push(rest.subarray(start, Math.min(start + size, rest.length)));
    if (start + size + 2 > rest.length) break;
    at = start + size + 2;
  }
  return { body: Buffer.concat(parts), complete: false };
}

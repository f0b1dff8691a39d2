import http from 'node:http';
import https from 'node:https';
import { headerBytes } from '../../contract/request-limits';

export type OutgoingRequest = {
  url: URL;
  method: string;
  /** A name given several values is sent on several lines. */
  headers: Record<string, string | string[]>;
  body?: Buffer;
  /** Where to connect when it is not the URL's own host: the local engine serving a custom domain by Host. */
  connectHost?: string;
};

export type IncomingReply = {
  status: number;
  /** As received, a name may repeat. */
  headers: Array<[string, string]>;
  /** At most `maxBodyBytes`; `size` counts every byte. */
  body: Buffer;
  size: number;
  truncated: boolean;
  durationMs: number;
  /** Names and values of every header line sent, counted as the gateway counts them. */
  sentHeaderBytes: number;
};

/** Methods Node sends without a Content-Length when there is no body; the others get `Content-Length: 0`. */
const NO_IMPLICIT_LENGTH = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']);

export const MAX_BODY_BYTES = 1024 * 1024;
const TIMEOUT_MS = 15 * 60 * 1000;

function pairs(raw: string[]): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) result.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return result;
}

/**
 * One request to a trigger URL, timed from the first byte sent to the last byte read. Node does not
 * resolve `*.localhost` (browsers and curl do): such a host is reached on 127.0.0.1 with its Host
 * header, every other host through DNS.
 */
export function sendHttp(request: OutgoingRequest, maxBodyBytes = MAX_BODY_BYTES): Promise<IncomingReply> {
  const { url } = request;
  const client = url.protocol === 'https:' ? https : http;
  const loopback = url.hostname === 'localhost' || url.hostname.endsWith('.localhost');
  // Every line Node would add by itself is set here, so the count below is of all that is sent.
  const headers: Record<string, string | string[]> = { ...request.headers, host: url.host, connection: 'close' };
  if (request.body || !NO_IMPLICIT_LENGTH.has(request.method))
    headers['content-length'] = String(request.body?.length ?? 0);
  const sentHeaderBytes = headerBytes(
    Object.entries(headers).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((v) => [name, v] as const),
    ),
  );

  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = client.request(
      {
        protocol: url.protocol,
        // A URL writes an IPv6 address in brackets; a socket takes it bare.
        host: request.connectHost?.replace(/^\[(.*)\]$/, '$1') ?? (loopback ? '127.0.0.1' : url.hostname),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers,
        servername: loopback ? undefined : url.hostname,
        agent: false,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (kept >= maxBodyBytes) return;
          const part = chunk.subarray(0, maxBodyBytes - kept);
          chunks.push(part);
          kept += part.length;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: pairs(res.rawHeaders),
            body: Buffer.concat(chunks),
            size,
            truncated: size > kept,
            durationMs: Math.round(performance.now() - started),
            sentHeaderBytes,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('The trigger did not answer within 15 minutes.')));
    req.on('error', reject);
    req.end(request.body);
  });
}

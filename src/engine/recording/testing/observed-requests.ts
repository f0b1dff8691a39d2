import http from 'node:http';
import { httpTriggerConfigSchema } from '../../../contract/trigger';
import type { GatewayContext, HeaderPair, TriggerTarget } from '../../gateway/gateway-context';
import type { GatewayRecorder } from '../capture';

export const OBSERVED_TARGET = {
  trigger: {
    triggerId: 't1',
    triggerName: 'http',
    functionName: 'fn',
    qualifier: 'LATEST',
    triggerConfig: httpTriggerConfigSchema.parse({ authType: 'anonymous', methods: ['POST'] }),
  } as TriggerTarget,
  endpoint: 'internet' as const,
};

export type ObservedReply = { requestId: string; status: number; body: string };

/**
 * Sends `count` POSTs (paths `/0`, `/1`, …) over real HTTP to a server whose every request `gateway`
 * observes as the engine's gateway would (function `fn`, request id `req-<n>`), answering the body
 * back; `beforeAnswer` runs before the answer is written (where the engine keeps a function's logs).
 */
export async function sendObserved(
  gateway: GatewayRecorder,
  count: number,
  request: { headers?: Record<string, string>; body?: string; beforeAnswer?: (requestId: string) => void } = {},
): Promise<ObservedReply[]> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rawHeaders: HeaderPair[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) rawHeaders.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const requestId = `req-${req.url!.slice(1)}`;
      const ctx: GatewayContext = {
        ...{ method: req.method!, rawPath: req.url!, query: '', headers, rawHeaders, bodyLength: body.length, body },
        ...{ requestId, endpoint: 'internet', trigger: OBSERVED_TARGET.trigger.triggerConfig, now: new Date() },
      };
      gateway.observe(req, res, requestId, { target: OBSERVED_TARGET, ctx });
      request.beforeAnswer?.(requestId);
      res.writeHead(200, { 'content-type': 'text/plain', 'x-fc-request-id': requestId }).end(body);
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  const replies: ObservedReply[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const answer = await fetch(`http://127.0.0.1:${port}/${i}`, {
        method: 'POST',
        headers: request.headers,
        body: request.body ?? `body ${i}`,
      });
      const body = await answer.text();
      replies.push({ requestId: answer.headers.get('x-fc-request-id')!, status: answer.status, body });
    }
  } finally {
    await new Promise((closed) => server.close(closed));
  }
  return replies;
}

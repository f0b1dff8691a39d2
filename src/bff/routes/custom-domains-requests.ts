import { Hono } from 'hono';
import { domainTestRequestSchema, domainTestResultSchema } from '../../contract/custom-domain-console';
import { chooseCustomDomainRoute, rewriteIfCheap } from '../../contract/custom-domain-routes';
import { resolveConnection, type ConnectionSource, type FcConnection } from '../connection';
import type { FcCall } from '../fc-client';
import { FcError } from '../fc-error';
import { toResponseBody } from '../test-function/response-body';
import { CONSOLE_REQUEST_HEADER } from '../../contract/recorded-request';
import { sendHttp } from '../test-function/send-http';
import { validate } from '../validation';
import { domainParams } from './custom-domains';
import { customDomainUrl, toCustomDomainView } from './custom-domains-view';

/** Locally every domain is served by the engine itself: connect there and name the domain in Host. */
function connectHostOf(connection: FcConnection): string | undefined {
  return connection.mode === 'local' ? new URL(`http://${connection.endpoint}`).hostname : undefined;
}

/**
 * Test Through the Domain: one request to the domain's URL, as a browser or curl sends it, so the
 * gateway's own routing answers; the route it matched is named with the function the gateway uses.
 */
export function customDomainRequestRoutes(fcCall: FcCall, source: ConnectionSource) {
  return new Hono().post('/', validate('param', domainParams), validate('json', domainTestRequestSchema), async (c) => {
    const { domainName } = c.req.valid('param');
    const input = c.req.valid('json');
    const connection = await resolveConnection(source);
    const { body: model } = await fcCall((fc) => fc.getCustomDomain(domainName));
    const domain = toCustomDomainView(model, connection);
    // The path starts with a single `/` (the schema says so): the host stays the domain's.
    const url = new URL(`${customDomainUrl(connection, domain).origin}${input.path}`);
    const routes = domain.routeConfig.routes;
    // As the gateway chooses (engine/gateway/custom-domain-target.ts).
    const match = chooseCustomDomainRoute(routes, url.pathname, input.method);
    const body = input.body ? Buffer.from(input.body, 'utf8') : undefined;
    const reply = await sendHttp({
      url,
      method: input.method,
      headers: { [CONSOLE_REQUEST_HEADER]: '1', ...(body ? { 'content-type': 'text/plain; charset=utf-8' } : {}) },
      body,
      connectHost: connectHostOf(connection),
    }).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      throw new FcError(
        502,
        'CustomDomainUnreachable',
        `The custom domain ${url.origin} could not be reached: ${reason}`,
      );
    });
    const contentType = reply.headers.find(([name]) => name === 'content-type')?.[1];
    return c.json(
      domainTestResultSchema.parse({
        target: `${input.method} ${url.href}`,
        status: reply.status,
        durationMs: reply.durationMs,
        headers: reply.headers,
        body: toResponseBody(reply.body, { size: reply.size, contentType, truncated: reply.truncated }),
        ...(match
          ? {
              matchedRoute: {
                index: match.index,
                path: match.route.path,
                functionName: match.route.functionName,
                qualifier: match.route.qualifier ?? 'LATEST',
                rewrittenPath: rewriteIfCheap(match.route.rewriteConfig, url.pathname),
              },
            }
          : {}),
      }),
    );
  });
}

import type { MiddlewareHandler } from 'hono';
import type { OpenApiEnv } from './openapi-env';

/**
 * An answer sent before its request's body has arrived (a bad signature, a body over the limit)
 * says `Connection: close`: the connection cannot serve another request without reading the rest.
 */
export const closeUnreadBody: MiddlewareHandler<OpenApiEnv> = async (c, next) => {
  await next();
  const incoming = c.env?.incoming;
  if (incoming && !incoming.complete) c.res.headers.set('connection', 'close');
};

// One implementation for the engine and the bff.
export { lingerAfterEarlyAnswer } from '../../early-answer';

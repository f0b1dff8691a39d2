import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { FcError } from '../fc-error';
import { aliasesRoutes } from './aliases-routes';
import { CODE_DOWNLOAD_PREFIX, codeDownloadRoutes, codeRoutes } from './code-routes';
import { CUSTOM_DOMAINS_PATH, customDomainsRoutes } from './custom-domains-routes';
import { functionResourcesRoutes } from './function-resources-routes';
import { functionsRoutes } from './functions-routes';
import { requestId, verifySignature } from './middleware';
import { createNonceStore } from './nonce-store';
import type { OpenApiDeps, OpenApiEnv } from './openapi-env';
import { triggersRoutes } from './triggers-routes';
import { closeUnreadBody } from '../../early-answer';
import { generationOf } from '../store/read-cache';
import { versionsRoutes } from './versions-routes';

/** Mount path of a function's sub-resources. */
export const FUNCTION_PATH = '/2023-03-30/functions/:functionName';

/**
 * Adds operations owned by other engine modules (InvokeFunction, async invoke config, async
 * tasks). Their routes sit behind the same signature check; the body is in `c.get('rawBody')`.
 */
export type OpenApiExtension = (api: Hono<OpenApiEnv>, deps: OpenApiDeps) => void;

/** A call that wrote config is answered once `afterConfigWrite` settled (every gateway process forgot its cache). */
function announceConfigWrites(deps: OpenApiDeps): MiddlewareHandler<OpenApiEnv> {
  return async (_c, next) => {
    const before = generationOf(deps.store.db);
    await next();
    if (deps.afterConfigWrite && generationOf(deps.store.db) !== before) await deps.afterConfigWrite();
  };
}

/** The FC OpenAPI 2023-03-30, as the official SDK calls it. */
export function createOpenApiApp(deps: OpenApiDeps, extensions: readonly OpenApiExtension[] = []) {
  const api = new Hono<OpenApiEnv>()
    .use('/2023-03-30/*', verifySignature(deps, createNonceStore()))
    .use('/2023-03-30/*', announceConfigWrites(deps))
    .route('/2023-03-30/functions', functionsRoutes(deps))
    .route(`${FUNCTION_PATH}/triggers`, triggersRoutes(deps))
    .route(`${FUNCTION_PATH}/versions`, versionsRoutes(deps))
    .route(`${FUNCTION_PATH}/aliases`, aliasesRoutes(deps))
    .route(`${FUNCTION_PATH}/code`, codeRoutes(deps))
    .route(CUSTOM_DOMAINS_PATH, customDomainsRoutes(deps))
    .route('/2023-03-30', functionResourcesRoutes(deps));
  for (const extend of extensions) extend(api, deps);

  const app = new Hono<OpenApiEnv>()
    .use(requestId, closeUnreadBody)
    .route(CODE_DOWNLOAD_PREFIX, codeDownloadRoutes(deps))
    .route('/', api);

  app.notFound((c) =>
    errorResponse(c, new FcError('RouteNotFound', `${c.req.method} ${c.req.path} is not an operation of this API.`)),
  );
  app.onError((error, c) => {
    if (error instanceof FcError) return errorResponse(c, error);
    console.error(`[engine] ${c.req.method} ${c.req.path} failed`, error);
    return errorResponse(c, new FcError('InternalError', 'The engine failed to handle the request.'));
  });
  return app;
}

/** FC's error body; the SDK reads Code, Message and RequestId from it. */
function errorResponse(c: Context<OpenApiEnv>, error: FcError) {
  const body = { Code: error.code, Message: error.message, RequestId: c.get('requestId') };
  return c.json(body, error.status as ContentfulStatusCode);
}

export type OpenApiApp = ReturnType<typeof createOpenApiApp>;

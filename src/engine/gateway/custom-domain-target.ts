import { domainJwtConfig } from '../../contract/custom-domain';
import { chooseCustomDomainRoute } from '../../contract/custom-domain-routes';
import { LATEST } from '../../contract/names';
import { REQUEST_LIMITS } from '../../contract/request-limits';
import { REWRITE_LIMITS, rewriteDomainPath } from '../rewrite/rewrite-domain-path';
import { HTTP_METHODS, type HttpMethod, type HttpTriggerConfig } from '../../contract/trigger';
import type { StoredCustomDomain } from '../store/custom-domains-store';
import { respondError } from './errors';
import type { GatewayRespond, TriggerTarget } from './gateway-context';

export type DomainTarget = {
  trigger: TriggerTarget;
  endpoint: 'customDomain';
  /** The path (and any query the rewrite added) the function receives. */
  rewritten: { rawPath: string; query?: string };
};

type DomainRequest = { method: string; rawPath: string; headers: Record<string, string> };

/**
 * A request to a custom domain, in the gateway's trigger terms. FC 3.0 custom domains "no longer
 * depend on HTTP triggers": the route names the function and qualifier, the route's methods and
 * the domain's own auth and CORS settings apply, and the function's HTTP trigger (its Disable
 * Internet URL above all) plays no part. A preflight is routed by the method it asks about, so a
 * GET-only route still gets its CORS answer; a path that routes only for other methods meets the
 * method check (403), a path no route serves is 404 DomainRouteNotFound. Costly rewrite rules run
 * off the event loop (rewrite/): a path they cannot rewrite in time is 503 DomainRewriteTimeout.
 */
export async function customDomainTarget(
  domain: StoredCustomDomain,
  request: DomainRequest,
  requestId: string,
): Promise<DomainTarget | GatewayRespond> {
  const routes = domain.routeConfig?.routes ?? [];
  const asked = request.headers['access-control-request-method'];
  const method = request.method === 'OPTIONS' && asked ? asked.trim() : request.method;
  const match = chooseCustomDomainRoute(routes, request.rawPath, method);
  if (!match)
    return respondError(
      'DomainRouteNotFound',
      `No route of the custom domain ${domain.domainName} serves the path ${request.rawPath}.`,
      requestId,
    );
  const { route } = match;
  // A path past the limit is refused by the limits step (400) before the function: no rule runs on it.
  const tooLong = request.rawPath.length > REQUEST_LIMITS.pathWithQueryBytes;
  const path = tooLong ? request.rawPath : await rewriteDomainPath(route.rewriteConfig, request.rawPath);
  if (typeof path !== 'string') return lateRewrite(domain, route.path, path.late, requestId);
  const methods: HttpMethod[] = route.methods?.length ? route.methods : [...HTTP_METHODS];
  const q = path.indexOf('?');
  return {
    trigger: {
      triggerId: '',
      functionName: route.functionName,
      qualifier: route.qualifier ?? LATEST,
      triggerConfig: triggerConfigOf(domain, methods),
    },
    endpoint: 'customDomain',
    rewritten: q === -1 ? { rawPath: path } : { rawPath: path.slice(0, q), query: path.slice(q + 1) },
  };
}

function lateRewrite(domain: StoredCustomDomain, routePath: string, late: 'deadline' | 'busy', requestId: string) {
  const rules = `The rewrite rules of the route ${routePath} of the custom domain ${domain.domainName}`;
  const why =
    late === 'deadline'
      ? `${rules} did not finish with this path within ${REWRITE_LIMITS.deadlineMs} ms`
      : `${rules} were not run: ${REWRITE_LIMITS.queueMax} other paths were waiting for theirs`;
  return respondError('DomainRewriteTimeout', `${why}; the request was not sent to the function.`, requestId);
}

/** A domain without authConfig is open, as FC's custom domains were before they had one. */
function triggerConfigOf(domain: StoredCustomDomain, methods: HttpMethod[]): HttpTriggerConfig {
  const base = { methods, disableURLInternet: false, corsConfig: domain.corsConfig };
  const auth = domain.authConfig;
  if (auth?.authType === 'function') return { ...base, authType: 'function', authConfig: undefined };
  if (auth?.authType !== 'jwt') return { ...base, authType: 'anonymous', authConfig: undefined };
  const jwt = domainJwtConfig(auth.authInfo);
  // Never open a jwt domain: stored authInfo was parsed by the same schema, so this cannot fail quietly.
  if (!jwt.success) throw new Error(`custom domain ${domain.domainName}: stored JWT settings do not parse`);
  return { ...base, authType: 'jwt', authConfig: jwt.data };
}

/** The request as the function receives it: the rewritten path, with a query the rewrite added before the client's. */
export function withRewrittenPath<C extends { rawPath: string; query: string }>(
  ctx: C,
  rewritten: DomainTarget['rewritten'],
): C {
  const query = [rewritten.query, ctx.query].filter(Boolean).join('&');
  return { ...ctx, rawPath: rewritten.rawPath, query };
}

import { http, HttpResponse } from 'msw';
import { domainServesHost } from '../src/contract/custom-domain';
import { matchCustomDomainRoute } from '../src/contract/custom-domain-routes';
import { hostnameOf } from '../src/contract/trigger-url';
import { fcState } from './fc-state';

/**
 * FC's gateway for a custom domain of the mock account, for tests that send requests through one
 * (Node reaches the local engine with the domain in Host): the route the contract's matcher picks
 * answers with its function's name and what it received; a route of other methods is 403, no route 404.
 */
export const customDomainGateway = http.all('*', async ({ request }) => {
  const host = hostnameOf(request.headers.get('host') ?? undefined);
  const domain = [...fcState.customDomains.values()].find((d) => domainServesHost(d.domainName, host));
  if (!domain) return undefined; // not a custom domain: the other handlers, or unhandled
  const url = new URL(request.url);
  const { routes } = domain.routeConfig;
  const match = matchCustomDomainRoute(routes, url.pathname, request.method);
  if (!match && matchCustomDomainRoute(routes, url.pathname))
    return HttpResponse.json({ ErrorCode: 'MethodNotAllowed' }, { status: 403 });
  if (!match)
    return HttpResponse.json(
      { ErrorCode: 'DomainRouteNotFound', ErrorMessage: 'no route of the custom domain serves this path' },
      { status: 404 },
    );
  return HttpResponse.json({
    function: match.route.functionName,
    qualifier: match.route.qualifier ?? 'LATEST',
    method: request.method,
    path: match.path,
    body: await request.text(),
  });
});

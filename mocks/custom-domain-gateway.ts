import { http, HttpResponse } from 'msw';
import { domainServesHost, type CustomDomain } from '../src/contract/custom-domain';
import { matchCustomDomainRoute } from '../src/contract/custom-domain-routes';
import { hostnameOf } from '../src/contract/trigger-url';
import { fcState } from './fc-state';
import { recordExchange } from './record-exchange';

function answer(routes: CustomDomain['routeConfig']['routes'], url: URL, method: string, body: string) {
  const match = matchCustomDomainRoute(routes, url.pathname, method);
  if (!match && matchCustomDomainRoute(routes, url.pathname))
    return { response: HttpResponse.json({ ErrorCode: 'MethodNotAllowed' }, { status: 403 }) };
  if (!match)
    return {
      response: HttpResponse.json(
        { ErrorCode: 'DomainRouteNotFound', ErrorMessage: 'no route of the custom domain serves this path' },
        { status: 404 },
      ),
    };
  const qualifier = match.route.qualifier ?? 'LATEST';
  const functionName = match.route.functionName;
  const received = { function: functionName, qualifier, method, path: match.path, body };
  return { response: HttpResponse.json(received), functionName, qualifier };
}

/**
 * FC's gateway for a custom domain of the mock account, for tests that send requests through one
 * (Node reaches the local engine with the domain in Host): the route the contract's matcher picks
 * answers with its function's name and what it received; a route of other methods is 403, no route 404.
 * A request a route sends to a function is recorded for that function's Requests inspector.
 */
export const customDomainGateway = http.all('*', async ({ request }) => {
  const host = hostnameOf(request.headers.get('host') ?? undefined);
  const domain = [...fcState.customDomains.values()].find((d) => domainServesHost(d.domainName, host));
  if (!domain) return undefined; // not a custom domain: the other handlers, or unhandled
  const startedAt = new Date();
  const copy = request.clone();
  const { response, functionName, qualifier } = answer(
    domain.routeConfig.routes,
    new URL(request.url),
    request.method,
    await request.text(),
  );
  if (functionName)
    await recordExchange({
      request: copy,
      response: response.clone(),
      startedAt,
      functionName,
      qualifier,
      domainName: domain.domainName,
      via: 'custom-domain',
    });
  return response;
});

// PROVISIONAL: replaced by s13-domeng's mocks/handlers/custom-domains.ts once merged.
import { http, HttpResponse } from 'msw';
import {
  customDomainInputSchema,
  customDomainUpdateSchema,
  domainServesHost,
  type CustomDomain,
} from '../src/contract/custom-domain';
import { matchCustomDomainRoute } from '../src/contract/custom-domain-routes';
import { hostnameOf } from '../src/engine/trigger-url';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from './fc-errors';
import { fcState, pageByName } from './fc-state';

export const provisionalDomains = new Map<string, CustomDomain>();

function requireDomain(name: string): CustomDomain {
  const domain = provisionalDomains.get(name);
  if (!domain) throw new MockFcError('DomainNameNotFound', `domain name '${name}' does not exist`);
  return domain;
}

const DOMAINS = '*/2023-03-30/custom-domains';

export const provisionalDomainHandlers = [
  http.get(
    DOMAINS,
    withFcErrors(({ request }) => {
      const { items, nextToken } = pageByName(provisionalDomains.values(), (d) => d.domainName, request);
      return fcJson({ customDomains: items, ...(nextToken ? { nextToken } : {}) });
    }),
  ),
  http.post(
    DOMAINS,
    withFcErrors(async ({ request }) => {
      const input = parseInput(customDomainInputSchema, await readJson(request));
      if (provisionalDomains.has(input.domainName))
        throw new MockFcError('DomainNameAlreadyExists', `domain name '${input.domainName}' already exists`);
      const now = new Date().toISOString();
      const domain: CustomDomain = {
        domainName: input.domainName,
        protocol: input.protocol,
        accountId: fcState.accountId,
        createdTime: now,
        lastModifiedTime: now,
        routeConfig: input.routeConfig ?? { routes: [] },
      };
      provisionalDomains.set(domain.domainName, domain);
      return fcJson(domain);
    }),
  ),
  http.get(
    `${DOMAINS}/:domainName`,
    withFcErrors(({ params }) => fcJson(requireDomain(String(params.domainName)))),
  ),
  http.put(
    `${DOMAINS}/:domainName`,
    withFcErrors(async ({ request, params }) => {
      const domain = requireDomain(String(params.domainName));
      const input = parseInput(customDomainUpdateSchema, await readJson(request));
      const updated: CustomDomain = {
        ...domain,
        ...(input.protocol ? { protocol: input.protocol } : {}),
        ...(input.routeConfig ? { routeConfig: input.routeConfig } : {}),
        lastModifiedTime: new Date(Math.max(Date.now(), Date.parse(domain.lastModifiedTime) + 1)).toISOString(),
      };
      provisionalDomains.set(domain.domainName, updated);
      return fcJson(updated);
    }),
  ),
  http.delete(
    `${DOMAINS}/:domainName`,
    withFcErrors(({ params }) => {
      requireDomain(String(params.domainName));
      provisionalDomains.delete(String(params.domainName));
      return fcNoContent();
    }),
  ),
  http.all('*', ({ request }) => {
    const host = hostnameOf(request.headers.get('host') ?? undefined);
    const domain = [...provisionalDomains.values()].find((d) => domainServesHost(d.domainName, host));
    if (!domain) return undefined;
    const url = new URL(request.url);
    const match = matchCustomDomainRoute(domain.routeConfig.routes, url.pathname, request.method);
    if (!match) return HttpResponse.json({ Code: 'DomainRouteNotFound' }, { status: 404 });
    return HttpResponse.json({ function: match.route.functionName, method: request.method, path: match.path });
  }),
];

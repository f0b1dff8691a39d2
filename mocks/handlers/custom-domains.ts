import { http } from 'msw';
import {
  customDomainInputSchema,
  customDomainUpdateSchema,
  type CustomDomain,
  type CustomDomainInput,
  type PathConfig,
} from '../../src/contract/custom-domain';
import { LATEST } from '../../src/contract/names';
import { fcJson, fcNoContent, MockFcError, parseInput, readJson, withFcErrors } from '../fc-errors';
import { fcState, now, pageByName, requireFunction, requireQualifier } from '../fc-state';

const DOMAINS = '*/2023-03-30/custom-domains';
const DOMAIN = `${DOMAINS}/:domainName`;

type Stored = CustomDomain & { privateKey?: string };

function requireDomain(domainName: string): Stored {
  const domain = fcState.customDomains.get(domainName);
  if (!domain) throw new MockFcError('DomainNameNotFound', `domain name ${domainName} does not exist`);
  return domain;
}

/** As the engine: every route names a function and a qualifier that exist. */
function assertRoutesExist(routes: readonly PathConfig[]) {
  routes.forEach((route, i) => {
    try {
      requireQualifier(requireFunction(route.functionName), route.qualifier ?? LATEST);
    } catch (error) {
      if (error instanceof MockFcError) throw new MockFcError(error.code, `routeConfig.routes.${i}: ${error.message}`);
      throw error;
    }
  });
}

function stored(input: CustomDomainInput, createdTime: string): Stored {
  const { certConfig, routeConfig, ...rest } = input;
  return {
    ...rest,
    accountId: fcState.accountId,
    apiVersion: '2023-03-30',
    subdomainCount: '1',
    routeConfig: routeConfig ?? { routes: [] },
    ...(certConfig ? { certConfig: { certName: certConfig.certName, certificate: certConfig.certificate } } : {}),
    ...(certConfig ? { privateKey: certConfig.privateKey } : {}),
    createdTime,
    lastModifiedTime: now(),
  };
}

/** What GetCustomDomain answers: never the private key. */
function view({ privateKey: _, ...domain }: Stored): CustomDomain {
  return domain;
}

/** Create/Get/List/Update/DeleteCustomDomain with the engine's rules and errors. */
export const customDomainHandlers = [
  http.get(
    DOMAINS,
    withFcErrors(({ request }) => {
      const { items, nextToken } = pageByName(fcState.customDomains.values(), (d) => d.domainName, request);
      return fcJson({ customDomains: items.map(view), ...(nextToken ? { nextToken } : {}) });
    }),
  ),

  http.post(
    DOMAINS,
    withFcErrors(async ({ request }) => {
      const input = parseInput(customDomainInputSchema, await readJson(request));
      const lower = input.domainName.toLowerCase();
      if ([...fcState.customDomains.keys()].some((name) => name.toLowerCase() === lower))
        throw new MockFcError('DomainNameAlreadyExists', `domain name ${input.domainName} already exists`);
      assertRoutesExist(input.routeConfig?.routes ?? []);
      const domain = stored(input, now());
      fcState.customDomains.set(domain.domainName, domain);
      return fcJson(view(domain));
    }),
  ),

  http.get(
    DOMAIN,
    withFcErrors(({ params }) => fcJson(view(requireDomain(String(params.domainName))))),
  ),

  http.put(
    DOMAIN,
    withFcErrors(async ({ request, params }) => {
      const current = requireDomain(String(params.domainName));
      const patch = parseInput(customDomainUpdateSchema, await readJson(request));
      const { privateKey, certConfig, createdTime, ...rest } = current;
      const keptCert = certConfig && privateKey ? { certConfig: { ...certConfig, privateKey } } : {};
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = parseInput(customDomainInputSchema, { ...rest, ...keptCert, ...defined });
      assertRoutesExist(next.routeConfig?.routes ?? []);
      const domain = stored(next, createdTime);
      fcState.customDomains.set(domain.domainName, domain);
      return fcJson(view(domain));
    }),
  ),

  http.delete(
    DOMAIN,
    withFcErrors(({ params }) => {
      fcState.customDomains.delete(requireDomain(String(params.domainName)).domainName);
      return fcNoContent();
    }),
  ),
];

import { Hono } from 'hono';
import { customDomainInputSchema, customDomainUpdateSchema, type CustomDomain } from '../../contract/custom-domain';
import {
  createCustomDomain,
  deleteCustomDomain,
  getCustomDomain,
  listCustomDomains,
  updateCustomDomain,
  type StoredCustomDomain,
} from '../store/custom-domains-store';
import { pathParam, type OpenApiDeps, type OpenApiEnv } from './openapi-env';
import { parseBody, parseListQuery } from './request-input';

export const CUSTOM_DOMAINS_PATH = '/2023-03-30/custom-domains';

/** GetCustomDomain's answer in the SDK's CustomDomain shape; a certificate's private key is never sent back. */
export function customDomainView(deps: OpenApiDeps, domain: StoredCustomDomain): CustomDomain {
  const { certConfig, routeConfig, ...rest } = domain;
  return {
    ...rest,
    accountId: deps.credentials.accountId,
    apiVersion: '2023-03-30',
    subdomainCount: '1',
    routeConfig: routeConfig ?? { routes: [] },
    ...(certConfig ? { certConfig: { certName: certConfig.certName, certificate: certConfig.certificate } } : {}),
  };
}

/** CreateCustomDomain, ListCustomDomains, GetCustomDomain, UpdateCustomDomain, DeleteCustomDomain. */
export function customDomainsRoutes(deps: OpenApiDeps) {
  const { db } = deps.store;
  return new Hono<OpenApiEnv>()
    .post('/', (c) => c.json(customDomainView(deps, createCustomDomain(db, parseBody(c, customDomainInputSchema)))))
    .get('/', (c) => {
      const page = listCustomDomains(db, parseListQuery(c));
      return c.json({
        customDomains: page.items.map((domain) => customDomainView(deps, domain)),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      });
    })
    .get('/:domainName', (c) => c.json(customDomainView(deps, getCustomDomain(db, pathParam(c, 'domainName')))))
    .put('/:domainName', (c) => {
      const patch = parseBody(c, customDomainUpdateSchema);
      return c.json(customDomainView(deps, updateCustomDomain(db, pathParam(c, 'domainName'), patch)));
    })
    .delete('/:domainName', (c) => {
      deleteCustomDomain(db, pathParam(c, 'domainName'));
      return c.body(null, 204);
    });
}

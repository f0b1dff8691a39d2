import { queryOptions } from '@tanstack/react-query';
import {
  customDomainListViewSchema,
  customDomainViewSchema,
  domainTestResultSchema,
  type DomainTestRequest,
} from '../../../contract/custom-domain-console';
import type { CustomDomainInput, CustomDomainUpdate } from '../../../contract/custom-domain';
import { functionListSchema } from '../../../contract/function';
import { apiClient, apiPath, ifMatchHeader } from '../../lib/api-client';

/** Domains per page of the list. */
export const DOMAIN_PAGE_SIZE = 20;

const domainPath = (name: string) => apiPath('custom-domains', name);

export const customDomainQueries = {
  all: () => ['custom-domains'] as const,
  lists: () => [...customDomainQueries.all(), 'list'] as const,
  /** One page: the first, or the one after `nextToken`. */
  list: (nextToken?: string) =>
    queryOptions({
      queryKey: [...customDomainQueries.lists(), nextToken ?? ''] as const,
      queryFn: () => {
        const query = new URLSearchParams({ limit: String(DOMAIN_PAGE_SIZE), ...(nextToken ? { nextToken } : {}) });
        return apiClient.get(`/custom-domains?${query}`, customDomainListViewSchema);
      },
    }),
  detail: (name: string) =>
    queryOptions({
      queryKey: [...customDomainQueries.all(), 'detail', name] as const,
      queryFn: () => apiClient.get(domainPath(name), customDomainViewSchema),
    }),
  /** The functions a route can send to (the first 100, as the Functions page lists them). */
  functions: () =>
    queryOptions({
      queryKey: [...customDomainQueries.all(), 'functions'] as const,
      queryFn: () => apiClient.get('/functions?limit=100', functionListSchema),
    }),
};

export function createCustomDomain(input: CustomDomainInput) {
  return apiClient.post('/custom-domains', input, customDomainViewSchema);
}

/** `version`: the domain's lastModifiedTime as the panel opened it; none overwrites whatever is current. */
export function updateCustomDomain(name: string, input: CustomDomainUpdate, version: string | undefined) {
  return apiClient.put(domainPath(name), input, customDomainViewSchema, ifMatchHeader(version));
}

export function deleteCustomDomain(name: string) {
  return apiClient.delete(domainPath(name));
}

export function sendThroughDomain(name: string, request: DomainTestRequest) {
  return apiClient.post(`${domainPath(name)}/requests`, request, domainTestResultSchema);
}

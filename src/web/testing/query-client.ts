import { QueryClient } from '@tanstack/react-query';

/** A fresh QueryClient per test: a failed request fails at once instead of being retried. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
}

import { useState } from 'react';

/** The page sizes a list offers, as the Function Compute console does; FC's List calls take at most 100. */
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
/** A list's first page, unless it asks for another size. */
export const DEFAULT_PAGE_SIZE: PageSize = 20;

/** One page of a List call: FC pages forward only, by the `nextToken` the previous page answered. */
export type PageRequest = { limit: number; nextToken?: string };

/**
 * Previous/Next over a list FC pages with tokens: the tokens of the pages seen so far are kept, so
 * Previous goes back without FC offering a previous token. A new page size or filter starts again.
 */
export function useTokenPages(initialSize: PageSize = DEFAULT_PAGE_SIZE) {
  const [pageSize, setPageSize] = useState<PageSize>(initialSize);
  const [tokens, setTokens] = useState<Array<string | undefined>>([undefined]);
  const token = tokens[tokens.length - 1];
  return {
    request: { limit: pageSize, ...(token ? { nextToken: token } : {}) } satisfies PageRequest,
    pageSize,
    page: tokens.length,
    hasPrevious: tokens.length > 1,
    next: (nextToken: string) => setTokens((seen) => [...seen, nextToken]),
    previous: () => setTokens((seen) => (seen.length > 1 ? seen.slice(0, -1) : seen)),
    changePageSize: (size: PageSize) => {
      setPageSize(size);
      setTokens([undefined]);
    },
    restart: () => setTokens([undefined]),
  };
}

export type TokenPages = ReturnType<typeof useTokenPages>;

/** A List call's query string: limit, and nextToken and a name prefix when there are. */
export function listSearch(request: PageRequest & { prefix?: string }): string {
  const params = new URLSearchParams({ limit: String(request.limit) });
  if (request.prefix) params.set('prefix', request.prefix);
  if (request.nextToken) params.set('nextToken', request.nextToken);
  return params.toString();
}

import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { aliasListSchema, versionListSchema } from '../../contract/function';
import { apiClient, apiPath } from './api-client';

/** One List call's most (FC answers at most 100 a page; the nextToken leads on). */
const CHOICES_PAGE = 100;

function pageSearch(nextToken: string | undefined): string {
  const params = new URLSearchParams({ limit: String(CHOICES_PAGE) });
  if (nextToken) params.set('nextToken', nextToken);
  return params.toString();
}

const base = (fn: string) => apiPath('functions', fn);

/**
 * A function's versions (newest first) and aliases to choose from, page after page, for the
 * Version/Alias selector and the trigger form. Their keys sit under `versions.all(fn)` and
 * `versions.aliases(fn)`, so what invalidates the Versions tab's lists refreshes the choices too.
 */
export const qualifierQueries = {
  all: (fn: string) => ['versions', fn] as const,
  aliases: (fn: string) => [...qualifierQueries.all(fn), 'aliases'] as const,
  versionChoices: (fn: string) =>
    infiniteQueryOptions({
      queryKey: [...qualifierQueries.all(fn), 'choices'] as const,
      queryFn: ({ pageParam }) => apiClient.get(`${base(fn)}/versions?${pageSearch(pageParam)}`, versionListSchema),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextToken || undefined,
    }),
  aliasChoices: (fn: string) =>
    infiniteQueryOptions({
      queryKey: [...qualifierQueries.aliases(fn), 'choices'] as const,
      queryFn: ({ pageParam }) => apiClient.get(`${base(fn)}/aliases?${pageSearch(pageParam)}`, aliasListSchema),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (page) => page.nextToken || undefined,
    }),
};

export type QualifierChoices = {
  versions: string[];
  aliases: Array<{ aliasName: string; versionId: string }>;
  /** Some versions or aliases are not loaded yet. */
  hasMore: boolean;
  /** How many List pages (versions' and aliases') are loaded: a search counts what it loaded by it. */
  pagesLoaded: number;
  loading: boolean;
  /** Loads the next page: the versions' first, then the aliases'. */
  loadMore: () => void;
};

/** The qualifiers loaded so far, and a way to load the rest; nothing is asked until `enabled` (a function is named). */
export function useQualifierChoices(functionName: string, enabled = true): QualifierChoices {
  const versions = useInfiniteQuery({ ...qualifierQueries.versionChoices(functionName), enabled });
  const aliases = useInfiniteQuery({ ...qualifierQueries.aliasChoices(functionName), enabled });
  const loading = versions.isFetching || aliases.isFetching;
  return {
    versions: versions.data?.pages.flatMap((page) => page.versions.map((v) => v.versionId)) ?? [],
    aliases:
      aliases.data?.pages.flatMap((page) =>
        page.aliases.map(({ aliasName, versionId }) => ({ aliasName, versionId })),
      ) ?? [],
    hasMore: versions.hasNextPage || aliases.hasNextPage,
    pagesLoaded: (versions.data?.pages.length ?? 0) + (aliases.data?.pages.length ?? 0),
    loading,
    loadMore: () => {
      if (loading) return;
      if (versions.hasNextPage) void versions.fetchNextPage();
      else if (aliases.hasNextPage) void aliases.fetchNextPage();
    },
  };
}

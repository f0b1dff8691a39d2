import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyState } from './empty-state';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './page-loading';

type Props<T, Item> = {
  query: UseQueryResult<T>;
  /** The list inside the loaded answer. */
  items: (data: T) => Item[];
  /** Skeleton lines while it loads. */
  loadingRows?: number;
  errorTitle: string;
  empty: { title: string; description?: string; action?: ReactNode };
  /** The list, once it has at least one item. */
  children: (items: Item[]) => ReactNode;
};

/** A list as it loads: a skeleton, then the error with Retry, the empty state, or the list itself. */
export function ListStates<T, Item>({ query, items, loadingRows, errorTitle, empty, children }: Props<T, Item>) {
  if (query.isPending) return <PageLoading rows={loadingRows} />;
  if (query.isError) return <ErrorAlert error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  const list = items(query.data);
  if (list.length === 0) return <EmptyState {...empty} />;
  return children(list);
}

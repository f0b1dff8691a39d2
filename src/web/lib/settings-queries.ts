import { queryOptions } from '@tanstack/react-query';
import { consoleSettingsSchema } from '../../contract/console-api';
import { apiClient } from './api-client';

export const settingsQueries = {
  all: () => ['settings'] as const,
  current: () =>
    queryOptions({
      queryKey: settingsQueries.all(),
      queryFn: () => apiClient.get('/settings', consoleSettingsSchema),
      staleTime: Infinity,
    }),
};

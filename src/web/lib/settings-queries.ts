import { queryOptions } from '@tanstack/react-query';
import { apiClient } from './api-client';

// Read by the layout of every page, the first included: the schema (and zod) loads beside the request.
const consoleSettingsSchema = () => import('../../contract/console-settings').then((m) => m.consoleSettingsSchema);

export const settingsQueries = {
  all: () => ['settings'] as const,
  current: () =>
    queryOptions({
      queryKey: settingsQueries.all(),
      queryFn: () => apiClient.get('/settings', consoleSettingsSchema),
      staleTime: Infinity,
    }),
};

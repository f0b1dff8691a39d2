import type { QueryClient } from '@tanstack/react-query';
import { prefetchFirstFunctions } from '../features/functions/queries';
import { createQueryClient } from '../lib/query-client';
import { settingsQueries } from '../lib/settings-queries';
import { yieldToMain } from './yield-to-main';

/**
 * The console's query client, with what the first page shows already asked for: every page's layout
 * reads the settings, and the Functions page (also behind `/`) its list. Run before React and MUI are
 * evaluated, so the answers are on their way while the rest of the console's script runs. One
 * request per task: each starts its schema's chunk too, and on a slow phone both at once made a long task.
 */
export async function startFirstRequests(pathname: string): Promise<QueryClient> {
  const queryClient = createQueryClient();
  void queryClient.prefetchQuery(settingsQueries.current());
  await yieldToMain();
  if (['/', '/functions'].includes(pathname)) prefetchFirstFunctions(queryClient);
  return queryClient;
}

import type { AsyncQueue } from '../async/async-queue';
import { listBody, parseConfigListQuery } from './config-list-query';
import type { OpenApiExtension } from './openapi-app';
import { qualifiedArn } from './sub-resource-views';

/**
 * ListAsyncInvokeConfigs (`GET /2023-03-30/async-invoke-configs`). Each config's functionArn ends
 * with `/<qualifier>` unless it is LATEST's: fc3's `s remove` reads the qualifier back from it to
 * delete each config.
 */
export function asyncConfigsListRoute(queue: AsyncQueue): OpenApiExtension {
  return (api, deps) => {
    api.get('/2023-03-30/async-invoke-configs', (c) => {
      const page = queue.listConfigs(parseConfigListQuery(c));
      const items = page.items.map(({ functionName, qualifier, config }) => ({
        ...config,
        functionArn: qualifiedArn(deps, functionName, qualifier),
      }));
      return c.json(listBody('configs', { ...page, items }));
    });
  };
}

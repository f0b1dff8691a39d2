import type { OpenApiExtension } from '../../openapi/openapi-app';
import { NOT_ISOLATED_WARNING, type SandboxStatus } from './sandbox';

export const SANDBOX_STATUS_PATH = '/2023-03-30/engine/sandbox';

/**
 * `GET /2023-03-30/engine/sandbox`: an engine-only extension of the OpenAPI (signed like every
 * call) answering whether functions run isolated, `{isolated, tool}` or `{isolated: false, reason,
 * warning}`, so that the console can warn its user. The real service has no such operation.
 */
export function sandboxStatusRoutes(status: SandboxStatus): OpenApiExtension {
  const body = status.isolated ? status : { ...status, warning: NOT_ISOLATED_WARNING };
  return (api) => {
    api.get(SANDBOX_STATUS_PATH, (c) => c.json(body));
  };
}

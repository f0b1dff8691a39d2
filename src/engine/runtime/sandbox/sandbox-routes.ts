import type { OpenApiExtension } from '../../openapi/openapi-app';
import { NOT_ISOLATED_WARNING, SANDBOX_STATUS_PATH, type SandboxStatusAnswer } from '../../../contract/engine-sandbox';
import type { SandboxStatus } from './sandbox';

export { SANDBOX_STATUS_PATH };

/**
 * `GET /2023-03-30/engine/sandbox`: an engine-only extension of the OpenAPI (signed like every
 * call) answering whether functions run isolated, `{isolated, tool}` or `{isolated: false, reason,
 * warning}`, so that the console can warn its user. The real service has no such operation.
 */
export function sandboxStatusRoutes(status: SandboxStatus): OpenApiExtension {
  const body: SandboxStatusAnswer = status.isolated ? status : { ...status, warning: NOT_ISOLATED_WARNING };
  return (api) => {
    api.get(SANDBOX_STATUS_PATH, (c) => c.json(body));
  };
}

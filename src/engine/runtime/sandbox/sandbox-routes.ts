import type { OpenApiExtension } from '../../openapi/openapi-app';
import {
  NOT_ISOLATED_WARNING,
  SANDBOX_STATUS_PATH,
  type PythonStatus,
  type SandboxStatusAnswer,
} from '../../../contract/engine-sandbox';
import type { SandboxStatus } from './sandbox';

export { SANDBOX_STATUS_PATH };

/**
 * `GET /2023-03-30/engine/sandbox`: an engine-only extension of the OpenAPI (signed like every
 * call) answering whether functions run isolated, `{isolated, tool}` or `{isolated: false, reason,
 * warning}`, so that the console can warn its user, and which python3 runs Python functions
 * (`python`), so that a function page can say when it is not the runtime's version. The real
 * service has no such operation.
 */
export function sandboxStatusRoutes(status: SandboxStatus, python?: () => Promise<PythonStatus>): OpenApiExtension {
  const body: SandboxStatusAnswer = status.isolated ? status : { ...status, warning: NOT_ISOLATED_WARNING };
  return (api) => {
    api.get(SANDBOX_STATUS_PATH, async (c) => c.json(python ? { ...body, python: await python() } : body));
  };
}

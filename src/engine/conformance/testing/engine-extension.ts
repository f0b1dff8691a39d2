import { getEngineOperation, invocationLogsPath } from '../../../contract/engine-operation';
import type { FcClientInstance } from '../../openapi/testing/engine-kit';

export { invocationLogsPath };

/** A GET of one of the engine's own operations, signed and called as the SDK's own methods call theirs. */
export function getEngineExtension(client: FcClientInstance, action: string, pathname: string): Promise<unknown> {
  return getEngineOperation(client, action, pathname);
}

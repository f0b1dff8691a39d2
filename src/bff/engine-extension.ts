import { getEngineOperation } from '../contract/engine-operation';
import type { FcCall } from './fc-client';

/** One of the local engine's own operations through the bff's client; never made to the cloud. */
export function getEngineExtension(
  fcCall: FcCall,
  action: string,
  pathname: string,
  query: Record<string, string> = {},
): Promise<unknown> {
  return fcCall((fc) => getEngineOperation(fc, action, pathname, query));
}

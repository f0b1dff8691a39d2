import FC from '@alicloud/fc20230330';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import Credential from '@alicloud/credentials';
import { endpointUrl, resolveConnection, type ConnectionSource, type FcConnection } from './connection';
import { toFcError } from './fc-error';

export type FcClient = FC;

/**
 * The SDKs are CommonJS with `exports.default`: Node's ESM loader hands us the exports object,
 * Vite's interop hands us the class itself.
 */
function cjsDefault<T>(mod: T): T {
  return (mod as { default?: T }).default ?? mod;
}

export function createFcClient(connection: FcConnection): FcClient {
  const Client = cjsDefault(FC);
  const { endpoint, protocol, accessKeyId, accessKeySecret } = connection;
  const keys = accessKeyId && accessKeySecret ? { accessKeyId, accessKeySecret } : undefined;
  // No static keys: the default chain (ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET, profile files, ...).
  const credential = keys ? undefined : new (cjsDefault(Credential))();
  return new Client(new $OpenApiUtil.Config({ endpoint, protocol, ...(keys ?? { credential }) }));
}

export type FcCall = <T>(call: (client: FcClient) => Promise<T>) => Promise<T>;

function cacheKey(c: FcConnection): string {
  return [c.protocol, c.endpoint, c.accessKeyId ?? '', c.accessKeySecret ?? ''].join('\n');
}

/** Clients kept at most: one per FC region, and the local engine's (whose keys may change). */
const MAX_CLIENTS = 32;

/**
 * `fcCall(client => client.getTrigger(...))`: runs one SDK call against the current connection and
 * turns every failure into an FcError. One client per connection (in cloud mode, per region).
 */
export function createFcCall(source: ConnectionSource, factory = createFcClient): FcCall {
  const clients = new Map<string, FcClient>();
  return async (call) => {
    const connection = await resolveConnection(source);
    const target = { url: endpointUrl(connection), mode: connection.mode };
    try {
      const key = cacheKey(connection);
      let client = clients.get(key);
      if (!client) {
        // The local engine's keys change when its data dir is reset: forget the oldest client.
        if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
        client = factory(connection);
        clients.set(key, client);
      }
      return await call(client);
    } catch (err) {
      const error = toFcError(err, target);
      if (error.code === 'InternalError' && !(err as { statusCode?: unknown }).statusCode)
        console.error('bff: unexpected error from the FC client:', err instanceof Error ? err.message : String(err));
      throw error;
    }
  };
}

import Credential from '@alicloud/credentials';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import Sls, * as $Sls from '@alicloud/sls20201230';
import { z } from 'zod';
import type { FcConnection } from '../connection';
import { FcError } from '../fc-error';

/** The CommonJS SDKs: Node's ESM loader hands over the exports object, Vite's interop the class itself. */
function cjsDefault<T>(mod: T): T {
  return (mod as { default?: T }).default ?? mod;
}

type SlsClient = InstanceType<typeof Sls>;

/** Simple Log Service's public endpoint in the function's region (a log project lives beside its function). */
export const slsEndpoint = (region: string) => `${region}.log.aliyuncs.com`;

/** Where the logs are: SLS names, checked before one becomes part of a host name or a path. */
export const logStoreSchema = z.object({
  project: z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/),
  logstore: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/),
});
export type LogStore = z.infer<typeof logStoreSchema>;

export type LogsQuery = { from: number; to: number; query: string; line?: number; offset?: number; reverse?: boolean };

/** A GetLogs answer: an array of rows whose values SLS sends as strings. Bounded: at most one page of 100 (or SQL rows). */
const MAX_ROWS = 1000;
const rowsSchema = z.array(z.record(z.string(), z.unknown())).max(MAX_ROWS);

const MAX_CLIENTS = 32;
const NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH/;

type SlsFailure = Error & { code?: unknown; data?: { statusCode?: unknown; httpCode?: unknown; requestId?: unknown } };

/** What SLS refused, as the console's error: its code and status, the message naming the log store. */
function toSlsError(err: unknown, store: LogStore): FcError {
  if (err instanceof FcError) return err;
  const failure = err as SlsFailure;
  const where = `Simple Log Service (${store.project}/${store.logstore})`;
  const status = Number(failure?.data?.statusCode ?? failure?.data?.httpCode);
  const code = typeof failure?.code === 'string' ? failure.code : '';
  if (Number.isInteger(status) && status >= 400 && code) {
    const requestId = typeof failure.data?.requestId === 'string' ? failure.data.requestId : undefined;
    const message = failure.message.replace(/^[^:]*: /, '');
    return new FcError(status >= 500 ? 502 : status, code, `${where} answered: ${message}`, requestId);
  }
  const text = err instanceof Error ? err.message : String(err);
  if (NETWORK.test(text) || NETWORK.test(code))
    return new FcError(503, 'LogServiceUnreachable', `${where} is not reachable (${code || 'network error'}).`);
  if (text.startsWith('unable to get credentials'))
    return new FcError(
      503,
      'CredentialsUnavailable',
      'No Alibaba Cloud credentials were found for Simple Log Service.',
    );
  // Its name and code only: an SDK's message may quote the request it was signing.
  console.error('bff: unexpected error from the SLS client:', err instanceof Error ? err.name : typeof err, code);
  return new FcError(502, 'InvalidResponse', `${where} answered in a way the console cannot read.`);
}

/**
 * GetLogs (SLS API 2020-12-30) through the official SDK, with the connection's region and
 * credentials (the same keys or default chain the FC client uses). One client per region and keys.
 */
export function createSlsReader(factory: (connection: FcConnection) => SlsClient = createSlsClient) {
  const clients = new Map<string, SlsClient>();
  function clientFor(connection: FcConnection): SlsClient {
    const key = [connection.region, connection.accessKeyId ?? '', connection.accessKeySecret ?? ''].join('\n');
    let client = clients.get(key);
    if (!client) {
      if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value as string);
      client = factory(connection);
      clients.set(key, client);
    }
    return client;
  }
  return async function getLogs(connection: FcConnection, store: LogStore, query: LogsQuery) {
    try {
      const request = new $Sls.GetLogsRequest(query);
      const answer = await clientFor(connection).getLogs(store.project, store.logstore, request);
      const rows = rowsSchema.safeParse(answer.body ?? []);
      if (rows.success) return rows.data;
      throw new FcError(502, 'InvalidResponse', `Simple Log Service answered rows the console cannot read.`);
    } catch (err) {
      throw toSlsError(err, store);
    }
  };
}
export type SlsReader = ReturnType<typeof createSlsReader>;

export function createSlsClient(connection: FcConnection): SlsClient {
  const Client = cjsDefault(Sls);
  const { accessKeyId, accessKeySecret, region } = connection;
  const keys = accessKeyId && accessKeySecret ? { accessKeyId, accessKeySecret } : undefined;
  const credential = keys ? undefined : new (cjsDefault(Credential))();
  // Bounded: a query Log Service has not answered in 15 seconds is abandoned.
  const timeouts = { connectTimeout: 5000, readTimeout: 15_000 };
  const config = {
    endpoint: slsEndpoint(region),
    regionId: region,
    protocol: 'https',
    ...timeouts,
    ...(keys ?? { credential }),
  };
  return new Client(new $OpenApiUtil.Config(config));
}

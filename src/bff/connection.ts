import { LOCAL_DEFAULTS } from '../contract/local-defaults';

/** Where the bff sends its FC OpenAPI calls: the local engine, Alibaba Cloud, or (in tests) MSW. */
export type FcConnection = {
  mode: 'local' | 'cloud';
  region: string;
  accountId: string;
  /** host[:port], as the SDK's `endpoint` takes it. */
  endpoint: string;
  protocol: 'http' | 'https';
  /** Static keys (the local engine, tests). Absent: the Alibaba Cloud default credential chain. */
  accessKeyId?: string;
  accessKeySecret?: string;
};

/** A fixed connection, or one resolved per request (the local engine writes its keys at start-up). */
export type ConnectionSource = FcConnection | (() => Promise<FcConnection>);

/** A local-engine connection from an endpoint and keys alone (tests, scripts). */
export function localConnection(options: {
  endpoint: string;
  accessKeyId: string;
  accessKeySecret: string;
  region?: string;
  accountId?: string;
}): FcConnection {
  return {
    mode: 'local',
    protocol: 'http',
    region: options.region ?? LOCAL_DEFAULTS.region,
    accountId: options.accountId ?? '1234567890123456',
    endpoint: options.endpoint,
    accessKeyId: options.accessKeyId,
    accessKeySecret: options.accessKeySecret,
  };
}

export function endpointUrl(connection: Pick<FcConnection, 'protocol' | 'endpoint'>): string {
  return `${connection.protocol}://${connection.endpoint}`;
}

export function resolveConnection(source: ConnectionSource): Promise<FcConnection> {
  return typeof source === 'function' ? source() : Promise.resolve(source);
}

import { unzipSync } from 'fflate';
import {
  FUNCTION_DEFAULTS,
  type FcFunction,
  type FunctionAlias,
  type FunctionCreate,
  type FunctionVersion,
} from '../src/contract/function';
import type { CustomDomain } from '../src/contract/custom-domain';
import { FUNCTION_CLOUD_DEFAULTS } from '../src/contract/function-cloud-settings';
import { LATEST, VERSION_ID_PATTERN } from '../src/contract/names';
import { openApiErrors } from '../src/contract/openapi-errors';
import { triggerConfigForApi, type HttpTriggerConfig, type TriggerCreate } from '../src/contract/trigger';
import { checksumOf, fromBase64, randomLetters } from './bytes';
import { MockFcError } from './fc-errors';
import { LOCAL_DEFAULTS } from '../src/contract/local-defaults';
import { recordedRequests } from './recorded-requests';

export type StoredFunction = FcFunction & { zipFile: string };
export type StoredTrigger = {
  triggerId: string;
  triggerName: string;
  triggerType: 'http';
  qualifier: string;
  description?: string;
  createdTime: string;
  lastModifiedTime: string;
  config: HttpTriggerConfig;
  urls: { urlInternet: string; urlIntranet: string };
};
export type StoredVersion = FunctionVersion & { snapshot: StoredFunction };
export type FunctionEntry = {
  fn: StoredFunction;
  triggers: Map<string, StoredTrigger>;
  versions: Map<string, StoredVersion>;
  aliases: Map<string, FunctionAlias>;
  lastVersionId: number;
};

/** The mock FC account. One per test run: call `fcState.reset()` before each test. */
export const fcState = {
  region: LOCAL_DEFAULTS.region,
  accountId: '1234567890123456',
  functions: new Map<string, FunctionEntry>(),
  /** By domain name; the view plus the certificate's private key, which is never answered. */
  customDomains: new Map<string, CustomDomain & { privateKey?: string }>(),
  reset(): void {
    this.functions.clear();
    this.customDomains.clear();
    recordedRequests.reset();
  },
};

export function now(): string {
  return new Date().toISOString();
}

export function requireFunction(functionName: string): FunctionEntry {
  const entry = fcState.functions.get(functionName);
  if (!entry) throw new MockFcError(...openApiErrors.functionNotFound(functionName));
  return entry;
}

/** Decode and open the zip, as FC does before it accepts code. */
export function codeFields(zipFile: string): Pick<StoredFunction, 'zipFile' | 'codeChecksum' | 'codeSize'> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(zipFile);
    unzipSync(bytes);
  } catch {
    throw new MockFcError('InvalidArgument', 'code.zipFile: The code must be a base64-encoded zip file.');
  }
  return { zipFile, codeChecksum: checksumOf(bytes), codeSize: bytes.length };
}

export function buildFunction(input: FunctionCreate): StoredFunction {
  const time = now();
  const { code, ...settings } = input;
  return {
    ...FUNCTION_DEFAULTS,
    handler: 'index.handler',
    description: '',
    environmentVariables: {},
    ...settings,
    ...codeFields(code.zipFile),
    functionId: crypto.randomUUID(),
    functionArn: `acs:fc:${fcState.region}:${fcState.accountId}:functions/${input.functionName}`,
    createdTime: time,
    lastModifiedTime: time,
  };
}

export function addFunction(fn: StoredFunction): FunctionEntry {
  const entry: FunctionEntry = { fn, triggers: new Map(), versions: new Map(), aliases: new Map(), lastVersionId: 0 };
  fcState.functions.set(fn.functionName, entry);
  return entry;
}

/** A version, an alias (resolved to its version) or LATEST; undefined when it does not exist. */
export function resolveQualifier(entry: FunctionEntry, qualifier: string): StoredFunction | undefined {
  if (qualifier === LATEST) return entry.fn;
  const versionId = VERSION_ID_PATTERN.test(qualifier) ? qualifier : entry.aliases.get(qualifier)?.versionId;
  return versionId ? entry.versions.get(versionId)?.snapshot : undefined;
}

/** `field` names the input that carried the qualifier, as the engine's message does. */
export function requireQualifier(entry: FunctionEntry, qualifier: string, field = 'qualifier'): StoredFunction {
  const fn = resolveQualifier(entry, qualifier);
  if (fn) return fn;
  const { functionName } = entry.fn;
  if (!VERSION_ID_PATTERN.test(qualifier))
    throw new MockFcError(...openApiErrors.aliasNotFound(functionName, qualifier, field));
  throw new MockFcError(...openApiErrors.versionNotFound(functionName, qualifier, field));
}

/** The engine's URL shape: `<name>-<10 letters>.<region>[-vpc].fcapp.localhost[:port]`. */
export function triggerUrls(functionName: string, port: string): StoredTrigger['urls'] {
  const label = `${functionName.toLowerCase().replaceAll('_', '-').slice(0, 52)}-${randomLetters(10)}`;
  const suffix = port ? `:${port}` : '';
  return {
    urlInternet: `http://${label}.${fcState.region}.fcapp.localhost${suffix}`,
    urlIntranet: `http://${label}.${fcState.region}-vpc.fcapp.localhost${suffix}`,
  };
}

export function buildTrigger(functionName: string, input: TriggerCreate, port: string): StoredTrigger {
  const time = now();
  return {
    triggerId: crypto.randomUUID(),
    triggerName: input.triggerName,
    triggerType: 'http',
    qualifier: input.qualifier,
    ...(input.description !== undefined ? { description: input.description } : {}),
    createdTime: time,
    lastModifiedTime: time,
    config: input.triggerConfig,
    urls: triggerUrls(functionName, port),
  };
}

/** The OpenAPI's Trigger: triggerConfig as a JSON string, as the SDK receives it. */
export function triggerResponse(functionName: string, trigger: StoredTrigger) {
  const { config, urls, ...rest } = trigger;
  return {
    ...rest,
    status: 'Success',
    triggerConfig: JSON.stringify(triggerConfigForApi(config)),
    httpTrigger: urls,
    targetArn: `acs:fc:${fcState.region}:${fcState.accountId}:functions/${functionName}`,
  };
}

/** The OpenAPI's Function: everything but the code itself. */
/** The engine's view: the service's answer for a cloud setting never sent (FUNCTION_CLOUD_DEFAULTS) under what was. */
export function functionResponse(fn: StoredFunction): FcFunction {
  const { zipFile: _code, ...rest } = fn;
  return { ...FUNCTION_CLOUD_DEFAULTS, ...rest };
}

/** Keyset paging in name order, as the OpenAPI pages: `nextToken` is the first name of the next page. */
export function pageByName<T>(items: Iterable<T>, keyOf: (item: T) => string, request: Request) {
  const query = new URL(request.url).searchParams;
  const prefix = query.get('prefix') ?? '';
  const limit = Math.min(Math.max(Number(query.get('limit')) || 20, 1), 100);
  const token = query.get('nextToken') ?? '';
  const sorted = [...items].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const matching = sorted.filter((item) => keyOf(item).startsWith(prefix) && keyOf(item) >= token);
  const next = matching[limit];
  return { items: matching.slice(0, limit), ...(next ? { nextToken: keyOf(next) } : {}) };
}

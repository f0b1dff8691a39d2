import { FUNCTION_CLOUD_DEFAULTS, type FunctionCloudSettings } from '../../contract/function-cloud-settings';
import { triggerConfigForApi } from '../../contract/trigger';
import type { StoredAlias } from '../store/aliases-store';
import { settingsOf, type FunctionConfig } from '../store/functions-store';
import type { StoredTrigger } from '../store/triggers-store';
import type { StoredVersion } from '../store/versions-store';
import { triggerUrls } from '../../contract/trigger-url';
import type { OpenApiDeps } from './openapi-env';

/**
 * Responses in the SDK's field names and types (`@alicloud/fc20230330` models): `$dara.cast`
 * throws on a type mismatch, so triggerConfig is a JSON string and ids are strings.
 */
export function functionArn(deps: OpenApiDeps, functionName: string): string {
  return `acs:fc:${deps.region}:${deps.credentials.accountId}:functions/${functionName}`;
}

type FunctionLike = FunctionConfig & { functionId: string; createdTime: string; lastModifiedTime: string };

/** The Function model answers layers as FunctionLayer {arn, size}: the engine holds no layer, so no size. */
function cloudSettingsView({ layers, ...settings }: FunctionCloudSettings = {}) {
  return { ...FUNCTION_CLOUD_DEFAULTS, ...settings, ...(layers ? { layers: layers.map((arn) => ({ arn })) } : {}) };
}

export function functionView(deps: OpenApiDeps, fn: FunctionLike) {
  const { cloudSettings, ...settings } = settingsOf(fn);
  return {
    functionId: fn.functionId,
    functionName: fn.functionName,
    functionArn: functionArn(deps, fn.functionName),
    ...cloudSettingsView(cloudSettings),
    ...settings,
    codeChecksum: fn.codeChecksum,
    codeSize: fn.codeSize,
    createdTime: fn.createdTime,
    lastModifiedTime: fn.lastModifiedTime,
    state: 'Active',
    lastUpdateStatus: 'Successful',
  };
}

export function triggerView(deps: OpenApiDeps, trigger: StoredTrigger) {
  return {
    triggerId: trigger.triggerId,
    triggerName: trigger.triggerName,
    triggerType: trigger.triggerType,
    triggerConfig: JSON.stringify(triggerConfigForApi(trigger.triggerConfig)),
    qualifier: trigger.qualifier,
    description: trigger.description,
    // The SDK documents "OK" as the example of a trigger's status.
    status: 'OK',
    targetArn: functionArn(deps, trigger.functionName),
    createdTime: trigger.createdTime,
    lastModifiedTime: trigger.lastModifiedTime,
    httpTrigger: triggerUrls(trigger.urlLabel, deps.region, deps.port()),
  };
}

export function versionView(version: StoredVersion) {
  return {
    versionId: version.versionId,
    description: version.description,
    createdTime: version.createdTime,
    lastModifiedTime: version.lastModifiedTime,
  };
}

export function aliasView(alias: StoredAlias) {
  return {
    aliasName: alias.aliasName,
    versionId: alias.versionId,
    description: alias.description,
    additionalVersionWeight: alias.additionalVersionWeight,
    createdTime: alias.createdTime,
    lastModifiedTime: alias.lastModifiedTime,
  };
}

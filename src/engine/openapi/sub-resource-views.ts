import { LATEST } from '../../contract/names';
import type { StoredConcurrency } from '../store/concurrency-store';
import type { QualifiedConfig } from '../store/qualified-configs-store';
import type { OpenApiDeps } from './openapi-env';
import type { ProvisionConfigInput, ScalingConfigInput } from './sub-resource-schemas';
import { functionArn } from './views';

/** Responses in the SDK's field names (ConcurrencyConfig, ProvisionConfig, ScalingConfigStatus). */

/** A version's or alias's ARN ends with `/<qualifier>`, LATEST's is the function's (fc3 reads the qualifier back from it). */
export function qualifiedArn(deps: OpenApiDeps, functionName: string, qualifier: string): string {
  const arn = functionArn(deps, functionName);
  return qualifier === LATEST ? arn : `${arn}/${qualifier}`;
}

/** Why current instances stay 0: said on every provision and scaling config the engine answers. */
export const NOT_RUN_LOCALLY =
  'The local engine stores this config but starts no provisioned or resident instances: requests start on-demand instances.';

export function concurrencyView(deps: OpenApiDeps, config: StoredConcurrency) {
  return { functionArn: functionArn(deps, config.functionName), reservedConcurrency: config.reservedConcurrency };
}

export function provisionView(
  deps: OpenApiDeps,
  { functionName, qualifier, config }: QualifiedConfig<ProvisionConfigInput>,
) {
  return {
    functionArn: qualifiedArn(deps, functionName, qualifier),
    ...config,
    target: config.target ?? 0,
    current: 0,
    currentError: NOT_RUN_LOCALLY,
  };
}

export function scalingView(
  deps: OpenApiDeps,
  { functionName, qualifier, config }: QualifiedConfig<ScalingConfigInput>,
) {
  return {
    functionArn: qualifiedArn(deps, functionName, qualifier),
    ...config,
    targetInstances: config.minInstances ?? 0,
    currentInstances: 0,
    currentError: NOT_RUN_LOCALLY,
  };
}

/**
 * GetProvisionConfig / GetScalingConfig of a qualifier without one: a 200 with nothing provisioned
 * rather than a 404, because fc3's `s remove` deletes the config and then polls Get until
 * `current` is 0 (a 404 there aborts the removal); fc3 reads a body without functionArn as "none"
 * and Terraform's alicloud_fcv3_provision_config reads target 0 as "none".
 */
export const NO_PROVISION_CONFIG = { target: 0, current: 0 };
export const NO_SCALING_CONFIG = { targetInstances: 0, currentInstances: 0 };

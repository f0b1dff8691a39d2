import type { FunctionSpec } from './types';

/** The few variables of the engine's own environment a function may see. */
const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

/**
 * A function's environment. The engine's own environment is NOT inherited: it may hold the
 * engine's AccessKey secret or cloud credentials, which function code must never see.
 * FC_* variables come last: FC reserves that prefix.
 */
export function buildChildEnv(
  spec: FunctionSpec,
  instanceId: string,
  account: { accountId: string; region: string },
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, spec.environmentVariables, {
    FC_FUNCTION_NAME: spec.functionName,
    FC_FUNCTION_HANDLER: spec.handler,
    FC_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
    FC_QUALIFIER: spec.qualifier,
    FC_RUNTIME: spec.runtime,
    FC_INSTANCE_ID: instanceId,
    FC_ACCOUNT_ID: account.accountId,
    FC_REGION: account.region,
    ...extra,
  });
  return env;
}

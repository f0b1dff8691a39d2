import type { FunctionSpec } from './types';

/** The few variables of the engine's own environment a function may see. */
const INHERITED = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TZ', 'TMPDIR', 'SYSTEMROOT'];

/**
 * A function's environment. The engine's own environment is NOT inherited: it may hold the
 * engine's AccessKey secret or cloud credentials, which function code must never see.
 * In the sandbox, where the user's home is not mounted, HOME and TMPDIR are its private /tmp.
 * FC_* variables come last: FC reserves that prefix.
 */
export function buildChildEnv(
  spec: FunctionSpec,
  instanceId: string,
  account: { accountId: string; region: string },
  options: { isolated: boolean },
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  if (options.isolated) Object.assign(env, { HOME: '/tmp', TMPDIR: '/tmp' });
  Object.assign(env, spec.environmentVariables, {
    FC_FUNCTION_NAME: spec.functionName,
    FC_FUNCTION_HANDLER: spec.handler,
    FC_FUNCTION_MEMORY_SIZE: String(spec.memorySize),
    FC_QUALIFIER: spec.qualifier,
    FC_RUNTIME: spec.runtime,
    FC_INSTANCE_ID: instanceId,
    FC_ACCOUNT_ID: account.accountId,
    FC_REGION: account.region,
  });
  return env;
}

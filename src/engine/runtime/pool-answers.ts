import type { EventRunner } from './node-instance';
import { defaultPython } from './python-interpreter';
import { pythonRunner } from './python-instance';
import type { Sandbox } from './sandbox/sandbox';
import type { FunctionSpec, Instance, InvokeFailure } from './types';

/** An instance started, or why it could not. */
export type Started = Instance | InvokeFailure;

/** The runner of a Python function, or why none can start: no python3 this machine can run it with. */
export async function pythonRunnerOn(sandbox: Sandbox): Promise<EventRunner | InvokeFailure> {
  const python = await defaultPython({ sandboxed: sandbox.status.isolated });
  if (python.found) return pythonRunner(python.path);
  return { error: 'InstanceStartFailed', message: python.reason, logs: `${python.reason}\n` };
}

export function throttled(spec: FunctionSpec, cap: number): InvokeFailure {
  return failure(
    'ResourceThrottled',
    cap === 0
      ? `${spec.functionName} takes no requests: its reserved concurrency is 0`
      : `Every instance of ${spec.functionName} is busy and the limit of ${cap} instances is reached`,
  );
}

export function failure(error: InvokeFailure['error'], message: string): InvokeFailure {
  return { error, message, logs: '' };
}

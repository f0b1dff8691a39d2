import type { TestParams } from './test-params';

/**
 * A request another tab hands to Test Function (the Requests tab's "Open in Test Function"): kept
 * until the Code tab's Test Function opens and takes it, once.
 */
const pending = new Map<string, TestParams>();

export function handToTestFunction(functionName: string, params: TestParams): void {
  pending.set(functionName, params);
}

export function takePendingTestParams(functionName: string): TestParams | undefined {
  const params = pending.get(functionName);
  pending.delete(functionName);
  return params;
}

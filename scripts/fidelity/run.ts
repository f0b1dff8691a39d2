import { startHarness, uniqueName } from '../../src/engine/conformance/harness';
import { runCheck, type Check, type CheckResult } from './check';
import { FUNCTION_CHECKS } from './function-checks';
import { SPELLINGS } from './spellings';
import { SUB_RESOURCE_CHECKS } from './sub-resource-checks';
import { TRIGGER_CHECKS } from './trigger-checks';

export const CHECKS: Check[] = [...TRIGGER_CHECKS, ...FUNCTION_CHECKS, ...SUB_RESOURCE_CHECKS];

/**
 * Every route and shape of issue 8 through the official SDK and over real HTTP, against a local
 * engine of its own, once in each client's spelling. `report` hears each result as it comes.
 */
export async function runFidelity(report: (result: CheckResult) => void = () => {}): Promise<CheckResult[]> {
  const h = await startHarness({ asyncPollMs: 50, maxInstancesPerFunction: 5 });
  const results: CheckResult[] = [];
  try {
    for (const spelling of SPELLINGS) {
      const ctx = { h, spelling, name: (prefix: string) => uniqueName(`${spelling.name}_${prefix}`) };
      for (const check of CHECKS) {
        const result = await runCheck(check, ctx);
        results.push(result);
        report(result);
      }
    }
  } finally {
    await h.close();
  }
  return results;
}

import { describe, expect, it } from 'vitest';
import { formatResult } from './check';
import { CHECKS, runFidelity } from './run';
import { SPELLINGS } from './spellings';

describe('npm run fidelity (every route and shape of issue 8, in the SDK’s and fc3’s spellings)', () => {
  it('passes every check in both spellings', async () => {
    const results = await runFidelity();
    expect(results).toHaveLength(CHECKS.length * SPELLINGS.length);
    expect(results.filter((r) => !r.ok).map(formatResult)).toEqual([]);
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz';
import { formatReport } from './report';

// `npm run fuzz` explores a new seed each run; the suite replays one short, fixed stream.
const SEED = 1;

describe('npm run fuzz (a short, seeded run against a real stack)', () => {
  it('malformed requests to the gateway, the OpenAPI and the console API crash nothing and get no 5xx', async () => {
    const result = await runFuzz({ seed: SEED, count: 40, timeLimitS: 15, requestTimeoutMs: 5000 });
    const report = formatReport(result);
    expect(result.sent, report).toBeGreaterThan(40);
    expect(
      result.crashes.map((c) => `${c.signature}, after ${c.recent.map((line) => line.split(' ')[0]).join(' ')}`),
      report,
    ).toEqual([]);
    expect(
      result.findings.map((f) => `#${f.id} ${f.surface} ${f.kind}: ${f.problem}`),
      report,
    ).toEqual([]);
    expect(result.serving, report).toEqual([]);
  }, 180_000);
});

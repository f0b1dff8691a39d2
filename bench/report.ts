import type { ColdStartResult } from './cold-start';
import type { InitialJsResult } from './bundle-size';
import type { LighthouseResult } from './lighthouse';
import type { LoadResult } from './load-generator';
import { failed, isError, ms, perSecond, type Outcome } from './report-cells';
import { GATEWAY_TARGETS, gatewayRows, type GatewayMeasures } from './report-gateway';
import { BUDGETS as WEB_BUDGETS, webRows } from './report-web';

export const BUDGETS = { ...WEB_BUDGETS, ...GATEWAY_TARGETS } as const;

export type WarmRow = {
  connections: number;
  gateway: LoadResult;
  baseline: LoadResult;
  addedP50Ms: number;
};
export type { Outcome } from './report-cells';

export type BenchReport = {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    loadAverage: number[];
    node: string;
    platform: string;
  };
  settings: {
    durationSeconds: number;
    warmupSeconds: number;
    coldStartRuns: number;
    /** The parts run (`--only`); a part not run is absent. */
    sections: string[];
    /** Processes serving the engine's port (FC_ENGINE_GATEWAYS); absent in reports before it. */
    gateways?: number;
  };
  budgets: typeof BUDGETS;
  warm?: Outcome<WarmRow[]>;
  coldStart?: Outcome<ColdStartResult>;
  initialJs?: Outcome<InitialJsResult>;
  lighthouse?: Outcome<LighthouseResult>;
} & GatewayMeasures;

/** The side-by-side table: measured | baseline | against the budget. */
export function formatReport(r: BenchReport): string {
  const rows: string[][] = [['Measure', 'fc-console engine', 'Baseline', 'Against the budget']];
  if (r.warm && isError(r.warm)) rows.push(['Warm HTTP trigger', `error: ${r.warm.error}`, '', '']);
  else if (r.warm)
    for (const w of r.warm) {
      const added = `+${w.addedP50Ms.toFixed(2)} ms p50 (budget ${BUDGETS.addedP50Ms} ms)`;
      rows.push([
        `Warm HTTP trigger, ${w.connections} conn, p50 / p99`,
        `${ms(w.gateway.p50Ms)} / ${ms(w.gateway.p99Ms)}`,
        `${ms(w.baseline.p50Ms)} / ${ms(w.baseline.p99Ms)}`,
        added,
      ]);
      rows.push([
        '  throughput',
        perSecond(w.gateway.perSecond) + failed(w.gateway),
        perSecond(w.baseline.perSecond) + failed(w.baseline),
        '',
      ]);
    }
  rows.push(...gatewayRows(r));
  if (r.coldStart && isError(r.coldStart)) rows.push(['Cold start', `error: ${r.coldStart.error}`, '', '']);
  else if (r.coldStart) {
    const c = r.coldStart;
    const fmt = (s: { min: number; median: number; max: number }) =>
      `${s.min.toFixed(0)} / ${s.median.toFixed(0)} / ${s.max.toFixed(0)} ms`;
    rows.push([
      `Cold start x${c.runs} (sandbox: ${c.sandbox}), min / median / max`,
      fmt(c.gatewayMs),
      `node -e 0: ${fmt(c.nodeStartMs)}`,
      `budget < ${BUDGETS.coldStartMs} ms`,
    ]);
    rows.push([
      '  the same, FC_ENGINE_SANDBOX=off',
      fmt(c.unsandboxedMs),
      '',
      `sandbox adds ${c.sandboxAddedPercent.toFixed(1)}% (budget ${BUDGETS.sandboxAddedPercent}%)`,
    ]);
  }
  if (r.initialJs) rows.push(...webRows(r.initialJs, r.lighthouse));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const m = r.machine;
  const header = `fc-console bench, ${r.date}: ${m.cpus} x ${m.cpuModel}, node ${m.node}, load average ${m.loadAverage.map((l) => l.toFixed(2)).join(' ')}${r.settings.gateways ? `, ${r.settings.gateways} engine gateway process(es)` : ''}`;
  return [header, '', line(rows[0]!), rule, ...rows.slice(1).map(line), ''].join('\n');
}

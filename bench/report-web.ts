import { availableParallelism } from 'node:os';
import type { InitialJsResult } from './bundle-size';
import type { LighthouseResult, LighthouseScores } from './lighthouse';
import { isError } from './report-cells';

export const BUDGETS = {
  addedP50Ms: 1,
  coldStartMs: 150,
  sandboxAddedPercent: 20,
  initialJsGzipBytes: 200_000,
  lighthouseMobilePerformance: 90,
  lighthouseAccessibility: 100,
} as const;

const verdict = (met: boolean) => (met ? 'met' : 'NOT MET');
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function lighthouseRow(label: string, s: LighthouseScores, performanceBudget?: number): string[][] {
  const a11yMet = s.accessibility >= BUDGETS.lighthouseAccessibility;
  const budget =
    performanceBudget === undefined
      ? `accessibility >= ${BUDGETS.lighthouseAccessibility}: ${verdict(a11yMet)}`
      : `>= ${performanceBudget} / ${BUDGETS.lighthouseAccessibility}: ` +
        verdict(s.performance >= performanceBudget && a11yMet);
  return [
    [`${label}, performance / accessibility`, `${s.performance} / ${s.accessibility}`, '', budget],
    [
      '  simulated FCP / LCP / TBT, CLS',
      `${s.fcpMs} / ${s.lcpMs} / ${s.tbtMs} ms, ${s.cls}`,
      `performance of each run: ${s.performanceRuns.join(', ')}`,
      '',
    ],
  ];
}

/** The console's first download and the Functions page's Lighthouse figures, each against its budget. */
export function webRows(
  initialJs: InitialJsResult | { error: string },
  lighthouse?: LighthouseResult | { error: string },
) {
  const rows: string[][] = [];
  if (isError(initialJs)) rows.push(['Initial JS (gzip)', `error: ${initialJs.error}`, '', '']);
  else {
    const files = initialJs.files.length;
    const budget = BUDGETS.initialJsGzipBytes;
    rows.push([
      `Initial JS of the console, gzip (${files} file${files === 1 ? '' : 's'})`,
      kB(initialJs.gzipBytes),
      '',
      `budget ${kB(budget)}: ${verdict(initialJs.gzipBytes <= budget)}`,
    ]);
    rows.push([
      'First download (HTML + JS + CSS), gzip',
      kB(initialJs.firstDownloadGzipBytes),
      '',
      `budget ${kB(budget)}: ${verdict(initialJs.firstDownloadGzipBytes <= budget)}`,
    ]);
  }
  if (!lighthouse) return rows;
  if (isError(lighthouse)) return [...rows, ['Lighthouse', `error: ${lighthouse.error}`, '', '']];
  const { mobile, desktop, url, runs, loadAverage } = lighthouse;
  // Lighthouse times this machine's CPU (×4 for mobile): a loaded machine lowers the score, so the load is shown.
  const load = (value?: number) => (value === undefined ? '' : `, load ${value} on ${availableParallelism()} cores`);
  rows.push(
    ...lighthouseRow(
      `Lighthouse ${url} mobile, median of ${runs}${load(loadAverage?.mobile)}`,
      mobile,
      BUDGETS.lighthouseMobilePerformance,
    ),
  );
  rows.push(...lighthouseRow(`Lighthouse ${url} desktop, median of ${runs}${load(loadAverage?.desktop)}`, desktop));
  return rows;
}

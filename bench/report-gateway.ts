import type { LoadResult } from './load-generator';
import type { CpuSplit } from './process-cpu';
import { failed, isError, met, ms, perSecond, type Outcome } from './report-cells';

/** Targets of issue 11 (the recording path and the async intake); kept beside the rows that judge them. */
export const GATEWAY_TARGETS = {
  asyncAcceptsPerSecond: 2000,
  proxyThroughputRatio: 0.5,
  recordingP50DifferenceMs: 0.05,
} as const;

type WithCpu = LoadResult & { cpuMs?: CpuSplit };
type Pair = { on: WithCpu; off: WithCpu };

export type GatewayMeasures = {
  proxy?: Outcome<{
    connections: number;
    engine: WithCpu;
    proxy: WithCpu;
    ratio: number;
    /** A web function whose one instance serves every connection (instanceConcurrency 10), as the proxy's upstream. */
    oneInstance?: { engine: WithCpu; ratio: number };
  }>;
  recording?: Outcome<{
    oneConnection: Pair;
    tenConnections: Pair;
    p50DifferenceMs: number;
    roundDifferencesMs?: number[];
  }>;
  async?: Outcome<Array<{ connections: number; gateway: LoadResult; baseline: LoadResult }>>;
};

/** CPU ms per request of this process + the processes it started (the proxy's: proxy + upstream). */
function cpuRow(label: string, engine: WithCpu, proxy: WithCpu): string[] {
  const cell = (c?: CpuSplit) => (c ? `${c.self.toFixed(3)} + ${c.children.toFixed(3)} ms` : 'n/a');
  const total = (c?: CpuSplit) => (c ? c.self + c.children : Number.NaN);
  const times = total(engine.cpuMs) / total(proxy.cpuMs);
  const against = Number.isFinite(times) ? `x${times.toFixed(2)} the proxy's` : '';
  return [label, cell(engine.cpuMs), `proxy + upstream: ${cell(proxy.cpuMs)}`, against];
}

/** Rows of the side-by-side table: measure | engine | baseline | against the target. */
export function gatewayRows(r: GatewayMeasures): string[][] {
  const rows: string[][] = [];
  const t = GATEWAY_TARGETS;
  if (r.proxy && isError(r.proxy)) rows.push(['Engine vs node:http proxy', `error: ${r.proxy.error}`, '', '']);
  else if (r.proxy) {
    const p = r.proxy;
    rows.push([
      `Warm HTTP trigger vs proxy to another process, ${p.connections} conn`,
      perSecond(p.engine.perSecond) + failed(p.engine),
      `proxy: ${perSecond(p.proxy.perSecond)}${failed(p.proxy)}`,
      `ratio ${p.ratio.toFixed(2)} (target >= ${t.proxyThroughputRatio}: ${met(p.ratio >= t.proxyThroughputRatio)})`,
    ]);
    rows.push([
      '  p50 / p99',
      `${ms(p.engine.p50Ms)} / ${ms(p.engine.p99Ms)}`,
      `${ms(p.proxy.p50Ms)} / ${ms(p.proxy.p99Ms)}`,
      '',
    ]);
    rows.push(cpuRow('  CPU per request: gateway + instances', p.engine, p.proxy));
    if (p.oneInstance) {
      const one = p.oneInstance;
      rows.push([
        '  like for like: web function, 1 instance serving 10',
        perSecond(one.engine.perSecond) + failed(one.engine),
        `proxy: ${perSecond(p.proxy.perSecond)}`,
        `ratio ${one.ratio.toFixed(2)} (not the target: event functions run one request per instance)`,
      ]);
      rows.push(cpuRow('    CPU per request: gateway + instance', one.engine, p.proxy));
    }
  }
  if (r.recording && isError(r.recording)) rows.push(['Recording on vs off', `error: ${r.recording.error}`, '', '']);
  else if (r.recording) {
    const { oneConnection: one, tenConnections: ten, p50DifferenceMs: d } = r.recording;
    rows.push([
      'Recording on vs off, 1 conn, p50 / p99',
      `on: ${ms(one.on.p50Ms)} / ${ms(one.on.p99Ms)}`,
      `off: ${ms(one.off.p50Ms)} / ${ms(one.off.p99Ms)}`,
      `${d >= 0 ? '+' : ''}${d.toFixed(3)} ms p50 (target <= ${t.recordingP50DifferenceMs}: ${met(d <= t.recordingP50DifferenceMs)})`,
    ]);
    if (r.recording.roundDifferencesMs)
      rows.push([
        '  p50 difference by round (median above)',
        r.recording.roundDifferencesMs.map((x) => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`).join(' '),
        '',
        '',
      ]);
    rows.push([
      '  throughput, 10 conn',
      `on: ${perSecond(ten.on.perSecond)}${failed(ten.on)}`,
      `off: ${perSecond(ten.off.perSecond)}${failed(ten.off)}`,
      '',
    ]);
    const loopCell = (c?: CpuSplit) =>
      c ? `${(c.loop ?? Number.NaN).toFixed(3)} (process ${c.self.toFixed(3)}) + ${c.children.toFixed(3)} ms` : 'n/a';
    rows.push([
      '  CPU per request, 10 conn: event loop (process) + instances',
      `on: ${loopCell(ten.on.cpuMs)}`,
      `off: ${loopCell(ten.off.cpuMs)}`,
      'the recording thread is in "process", not in "event loop"',
    ]);
  }
  if (r.async && isError(r.async)) rows.push(['Durable async accepted (202)', `error: ${r.async.error}`, '', '']);
  else if (r.async)
    for (const a of r.async) {
      rows.push([
        `Durable async accepted (202), ${a.connections} conn`,
        perSecond(a.gateway.perSecond) + failed(a.gateway),
        perSecond(a.baseline.perSecond),
        `target >= ${perSecond(t.asyncAcceptsPerSecond)}: ${met(a.gateway.perSecond >= t.asyncAcceptsPerSecond)}`,
      ]);
      rows.push([
        '  p50 / p99',
        `${ms(a.gateway.p50Ms)} / ${ms(a.gateway.p99Ms)}`,
        `${ms(a.baseline.p50Ms)} / ${ms(a.baseline.p99Ms)}`,
        '',
      ]);
    }
  return rows;
}

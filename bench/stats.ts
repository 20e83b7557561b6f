/** Pure helpers of the bench: percentiles, ratios, the printed table. */

/** The p-th percentile (nearest rank) of `values`, in their unit; 0 for no value. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface ScenarioResult {
  name: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Peak RSS of the server (MB) during the scenario. */
  peakRssMb: number;
  /** Ratios to the baseline's figure (rps, p50, p95, p99); null for the baseline itself. */
  ratio?: { rps: number; p50: number; p95: number; p99: number } | null;
  note?: string;
}

export function summarize(name: string, latencies: readonly number[], seconds: number, errors: number, peakRssMb: number, note?: string): ScenarioResult {
  const r = (x: number) => Math.round(x * 10) / 10;
  return {
    name,
    requests: latencies.length,
    seconds: r(seconds),
    rps: r(latencies.length / Math.max(seconds, 0.001)),
    p50: r(percentile(latencies, 50)),
    p95: r(percentile(latencies, 95)),
    p99: r(percentile(latencies, 99)),
    errors,
    peakRssMb: Math.round(peakRssMb),
    ...(note ? { note } : {}),
  };
}

/** Each figure divided by the baseline's (two decimals); latencies of 0 give ratio 0. */
export function withRatios(results: ScenarioResult[], baseline: ScenarioResult): ScenarioResult[] {
  const div = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : 0);
  return results.map((s) => (s === baseline ? { ...s, ratio: null } : { ...s, ratio: { rps: div(s.rps, baseline.rps), p50: div(s.p50, baseline.p50), p95: div(s.p95, baseline.p95), p99: div(s.p99, baseline.p99) } }));
}

/** A plain-text table: columns padded to their widest cell, numbers right-aligned. */
export function formatTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[], raw: (string | number)[] | null) =>
    r.map((cell, c) => (raw && typeof raw[c] === 'number' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(header, null), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map((r) => line(r.map(String), r))].join('\n');
}

export function scenarioTable(results: ScenarioResult[]): string {
  const x = (v: number | undefined) => (v === undefined ? '' : `${v.toFixed(2)}×`);
  return formatTable(
    ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'req/s ×base', 'p95 ×base', 'peak RSS MB'],
    results.map((s) => [s.name, s.rps, s.p50, s.p95, s.p99, s.errors, s.ratio ? x(s.ratio.rps) : 'baseline', s.ratio ? x(s.ratio.p95) : '', s.peakRssMb]),
  );
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
  /** A target (informative in --short) or a hard rule (errors, budgets: fail always). */
  kind: 'target' | 'rule';
}

/** Exit status of a run: rules always count; targets only outside --short. */
export function failed(checks: readonly Check[], short: boolean): Check[] {
  return checks.filter((c) => !c.ok && (c.kind === 'rule' || !short));
}

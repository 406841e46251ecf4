/**
 * The benchmark result format of DESIGN.md §8: one entry per figure, printed as a table and written
 * to test/bench/results/latest.json so runs can be compared across machines and commits.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Machine } from './machine';

/** A target on the figure itself (`value`) or on ours ÷ baseline (`ratio`). */
export interface Target {
  on: 'value' | 'ratio';
  op: '<=' | '>=';
  limit: number;
}

/** What a benchmark measures: `value` is ours; `baseline` the reference measured in the same run. */
export interface Figure {
  metric: string;
  value: number;
  unit: string;
  baseline?: number;
  target?: Target;
}

/** One line of latest.json. `target` reads like `ratio >= 0.9`; `pass` is null without a target. */
export interface BenchResult {
  name: string;
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string | null;
  pass: boolean | null;
  machine: Machine;
  at: string;
}

export function toResult(name: string, f: Figure, machine: Machine, at: Date): BenchResult {
  const baseline = f.baseline ?? null;
  // A ratio against a zero or negative baseline (e.g. memory noise) means nothing.
  const ratio = baseline !== null && baseline > 0 ? f.value / baseline : null;
  let pass: boolean | null = null;
  if (f.target) {
    const x = f.target.on === 'ratio' ? ratio : f.value;
    pass = x !== null && Number.isFinite(x) && (f.target.op === '<=' ? x <= f.target.limit : x >= f.target.limit);
  }
  return {
    name, metric: f.metric, value: round(f.value), unit: f.unit, baseline: baseline === null ? null : round(baseline),
    ratio: ratio === null ? null : round(ratio), target: f.target ? `${f.target.on} ${f.target.op} ${f.target.limit}` : null,
    pass, machine, at: at.toISOString(),
  };
}

function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

export function formatTable(results: BenchResult[]): string {
  const head = ['name', 'metric', 'value', 'unit', 'baseline', 'ratio', 'target', 'pass'];
  const rows = results.map((r) => [r.name, r.metric, String(r.value), r.unit, r.baseline === null ? '-' : String(r.baseline),
    r.ratio === null ? '-' : r.ratio.toFixed(3), r.target ?? '-', r.pass === null ? '-' : r.pass ? 'PASS' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export const RESULTS_FILE = path.resolve(__dirname, '../results/latest.json');

export function writeResults(results: BenchResult[]): void {
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
}

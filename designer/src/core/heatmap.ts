/**
 * Per-node duration heatmap: p50/p90 per node coloured from cool (fast) to hot (slow), relative
 * to the slowest node of the template.
 */
export interface NodeDuration {
  nodeId: string;
  p50Ms: number | null;
  p90Ms: number | null;
  count: number;
}

export interface Heat {
  color: string;
  /** 0 (fastest) … 1 (slowest) */
  level: number;
  label: string;
}

/** Reads the API's per-node rows whatever their unit naming (ms, seconds, hours). */
export function normaliseDurations(rows: readonly Record<string, unknown>[]): NodeDuration[] {
  const ms = (r: Record<string, unknown>, base: string): number | null => {
    for (const [suffix, factor] of [['Ms', 1], ['_ms', 1], ['Seconds', 1000], ['_s', 1000], ['Hours', 3_600_000], ['', 1]] as const) {
      const v = r[`${base}${suffix}`];
      if (typeof v === 'number' && Number.isFinite(v)) return v * factor;
      if (typeof v === 'string' && v !== '' && Number.isFinite(Number(v))) return Number(v) * factor;
    }
    return null;
  };
  return rows.filter((r) => typeof (r.nodeId ?? r.node_id) === 'string').map((r) => ({
    nodeId: String(r.nodeId ?? r.node_id),
    p50Ms: ms(r, 'p50'),
    p90Ms: ms(r, 'p90'),
    count: Number(r.samples ?? r.count ?? r.n ?? 0),
  }));
}

export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms < 3_600_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms < 86_400_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  return `${(ms / 86_400_000).toFixed(1)} d`;
}

/** Green → yellow → red by `level`. */
export function heatColor(level: number): string {
  const hue = Math.round(120 - 120 * Math.max(0, Math.min(1, level)));
  return `hsl(${hue} 75% 50%)`;
}

export function heatmap(rows: readonly NodeDuration[]): Map<string, Heat> {
  const max = Math.max(0, ...rows.map((r) => r.p90Ms ?? r.p50Ms ?? 0));
  const out = new Map<string, Heat>();
  for (const r of rows) {
    const v = r.p90Ms ?? r.p50Ms;
    if (v === null) continue;
    const level = max > 0 ? v / max : 0;
    out.set(r.nodeId, { color: heatColor(level), level, label: `p50 ${formatMs(r.p50Ms)} · p90 ${formatMs(r.p90Ms)} · n=${r.count}` });
  }
  return out;
}

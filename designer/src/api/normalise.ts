/** Tolerant readers for endpoints whose exact field names may still move (supervision, incidents). */
import type { Incident, StuckItem } from './types';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function firstReason(r: Row): { reason: string; since: string | null; nodeId: string | null } {
  const reasons = Array.isArray(r.reasons) ? (r.reasons as Row[]) : Array.isArray(r.stuck) ? (r.stuck as Row[]) : [];
  const first = reasons[0] ?? {};
  return {
    reason: str(r.reason) ?? str(first.reason) ?? 'unknown',
    since: str(r.since) ?? str(first.since) ?? str(r.stuckSince) ?? null,
    nodeId: str(r.nodeId) ?? str(first.nodeId) ?? null,
  };
}

export function toStuckItem(r: Row): StuckItem {
  const order = (typeof r.order === 'object' && r.order !== null ? r.order : {}) as Row;
  return {
    orderId: str(r.orderId) ?? str(order.id) ?? String(r.id ?? ''),
    title: str(r.title) ?? str(r.orderTitle) ?? str(order.title) ?? '',
    ...firstReason(r),
    stage: str(r.stage) ?? str(order.stage),
    region: str(r.region) ?? str(order.region),
    value: Number(r.value ?? order.value ?? 0) || 0,
    status: str(r.status) ?? str(order.status) ?? undefined,
  };
}

export function toIncident(r: Row): Incident {
  return {
    id: String(r.id),
    orderId: String(r.orderId ?? r.order_id ?? ''),
    nodeId: String(r.nodeId ?? r.node_id ?? ''),
    activity: String(r.activity ?? ''),
    error: String(r.error ?? ''),
    attempts: r.attempts === undefined ? undefined : Number(r.attempts),
    status: str(r.status) ?? undefined,
    createdAt: str(r.createdAt) ?? str(r.openedAt) ?? str(r.since) ?? undefined,
    orderTitle: str(r.orderTitle) ?? str(r.title) ?? undefined,
  };
}

export function itemsOf(body: unknown): Row[] {
  if (Array.isArray(body)) return body as Row[];
  const b = body as { items?: unknown; rows?: unknown; data?: unknown } | null;
  if (Array.isArray(b?.items)) return b.items as Row[];
  if (Array.isArray(b?.rows)) return b.rows as Row[];
  if (Array.isArray(b?.data)) return b.data as Row[];
  return [];
}

/**
 * Where an order is on its template: the nodes holding tokens now, the nodes it passed through
 * and the edges it took, from the timeline events (node_entered / node_completed) and the live
 * state (tokens) or the projection's activeNodes.
 */
export interface TimelineEvent {
  seq: number;
  type: string;
  at: string;
  nodeId?: string | null;
  iteration?: number | null;
  data?: Record<string, unknown> | null;
}

export interface RunOverlay {
  active: Set<string>;
  visited: Set<string>;
  takenEdges: Set<string>;
  /** Nodes with an open incident. */
  failed: Set<string>;
  /** How many times each node was entered (loops show ×2, ×3 …). */
  visits: Map<string, number>;
}

export function runOverlay(events: readonly TimelineEvent[], activeNodes: readonly string[], incidentNodes: readonly string[] = []): RunOverlay {
  const visited = new Set<string>();
  const takenEdges = new Set<string>();
  const visits = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'node_entered' && e.nodeId) {
      visited.add(e.nodeId);
      visits.set(e.nodeId, (visits.get(e.nodeId) ?? 0) + 1);
    }
    const edges = e.data?.edges;
    if (e.type === 'node_completed' && Array.isArray(edges)) for (const id of edges) if (typeof id === 'string') takenEdges.add(id);
    const edgeId = e.data?.edgeId;
    if (typeof edgeId === 'string' && (e.type === 'message_timeout' || e.type === 'task_cancelled')) takenEdges.add(edgeId);
  }
  return { active: new Set(activeNodes), visited, takenEdges, failed: new Set(incidentNodes), visits };
}

/** The Temporal Web UI page of an order's workflow run. */
export function temporalUiUrl(workflowId: string, base = 'http://localhost:8233', namespace = 'default'): string {
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}

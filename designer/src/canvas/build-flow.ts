/**
 * Definition → React Flow nodes and edges, with decorations. A cache keeps each node's `data`
 * object identical while its model node and decorations are unchanged, so memo'd node
 * components skip re-rendering (it matters at 2,000 nodes).
 */
import { MarkerType } from '@xyflow/react';
import type { Definition, Node } from '@orderpath/workflows/definition/schema';
import { stageBands, stageColor } from '../core/stage-bands';
import type { BandFlowNode, Decorations, DesignFlowNode, DesignNodeData, FlowEdge } from './flow-types';

export type KindLabel = (type: Node['type']) => string;
export type StageLabel = (stageId: string) => string;

interface CacheEntry {
  src: Node;
  key: string;
  data: DesignNodeData;
}
export type DataCache = Map<string, CacheEntry>;

function decorationKey(id: string, d: Decorations, color: string | undefined, kindLabel: string): string {
  const heat = d.heat?.get(id);
  return [d.severity?.get(id), d.issueText?.get(id), d.marks?.get(id), heat?.color, heat?.label, d.visits?.get(id), color, kindLabel].join('|');
}

export function buildFlowNodes(def: Definition, deco: Decorations, kindLabel: KindLabel, cache: DataCache): DesignFlowNode[] {
  const seen = new Set<string>();
  const out = def.nodes.map((node): DesignFlowNode => {
    seen.add(node.id);
    const color = stageColor(def, node.stage);
    const kind = kindLabel(node.type);
    const key = decorationKey(node.id, deco, color, kind);
    let entry = cache.get(node.id);
    if (!entry || entry.src !== node || entry.key !== key) {
      entry = {
        src: node, key,
        data: {
          node, label: node.name || node.id, kindLabel: kind, stageColor: color,
          severity: deco.severity?.get(node.id), issueText: deco.issueText?.get(node.id), mark: deco.marks?.get(node.id),
          heat: deco.heat?.get(node.id), visits: deco.visits?.get(node.id),
        },
      };
      cache.set(node.id, entry);
    }
    return { id: node.id, type: node.type, position: node.position ?? { x: 0, y: 0 }, data: entry.data };
  });
  for (const id of cache.keys()) if (!seen.has(id)) cache.delete(id);
  return out;
}

export function buildBandNodes(def: Definition, stageLabel: StageLabel): BandFlowNode[] {
  return stageBands(def).map((b) => ({
    id: `band:${b.stageId}`, type: 'stageBand', position: { x: b.x, y: b.y }, width: b.width, height: b.height,
    data: { label: stageLabel(b.stageId), color: b.color },
    draggable: false, selectable: false, connectable: false, focusable: false, deletable: false, zIndex: -1,
  }));
}

function edgeLabel(e: Definition['edges'][number]): string | undefined {
  if (e.name) return e.name;
  if (e.default) return 'default';
  return e.condition;
}

export function buildFlowEdges(def: Definition, deco: Decorations): FlowEdge[] {
  return def.edges.map((e) => {
    const classes = [deco.severity?.get(e.id) && `issue-${deco.severity.get(e.id)}`, deco.edgeMarks?.get(e.id) && `mark-${deco.edgeMarks.get(e.id)}`, e.default && 'is-default']
      .filter(Boolean).join(' ');
    return {
      id: e.id, source: e.source, target: e.target, label: edgeLabel(e), data: { edge: e },
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      className: classes || undefined,
    };
  });
}

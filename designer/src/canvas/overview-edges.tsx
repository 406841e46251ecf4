/**
 * In the overview React Flow draws no edges (except selected ones): this draws them all at once,
 * one <path> per edge style inside the viewport, under the nodes. React Flow gives every edge its
 * own <svg> and store subscription — 2,000 of each per pan frame at 2,000 nodes, most of a frame's
 * layerisation and script time in the designer benchmark.
 */
import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { FlowEdge, FlowNode } from './flow-types';
import { overviewPaths } from './overview-paths';

interface Props {
  nodes: readonly FlowNode[];
  edges: readonly FlowEdge[];
}

export const OverviewEdges = memo(function OverviewEdges({ nodes, edges }: Props) {
  const paths = useMemo(() => overviewPaths(nodes, edges), [nodes, edges]);
  return (
    <ViewportPortal>
      <svg className="overview-edges" data-testid="overview-edges">
        {paths.map((p) => (
          <g key={p.key} className={`react-flow__edge ${p.className}`}><path className="react-flow__edge-path" d={p.d} /></g>
        ))}
      </svg>
    </ViewportPortal>
  );
});

/** The edges to hand React Flow: in the overview only the selected ones (so selection survives). */
export function useFlowEdges(edges: FlowEdge[], overview: boolean): FlowEdge[] {
  return useMemo(() => (overview ? edges.filter((e) => e.selected) : edges), [edges, overview]);
}

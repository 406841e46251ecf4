/**
 * The canvas's React Flow state: built from the model (plus decorations) and merged with what
 * React Flow tracks itself (sizes, selection, positions while dragging).
 */
import { type EdgeChange, type NodeChange, applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Definition } from '@orderpath/workflows/definition/schema';
import { type DataCache, type KindLabel, type StageLabel, buildBandNodes, buildFlowEdges, buildFlowNodes } from './build-flow';
import type { Decorations, FlowEdge, FlowNode } from './flow-types';
import { mergeEdges, mergeNodes } from './merge-flow-state';

export interface FlowState {
  nodes: FlowNode[];
  edges: FlowEdge[];
  onNodesChange(changes: NodeChange<FlowNode>[]): void;
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void;
  /** Selects exactly these ids (issue click, paste). */
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
}

export function useFlowState(def: Definition, deco: Decorations, kindLabel: KindLabel, stageLabel: StageLabel, bands = true): FlowState {
  const cache = useRef<DataCache>(new Map());
  const [nodes, setNodes] = useState<FlowNode[]>([]);
  const [edges, setEdges] = useState<FlowEdge[]>([]);

  useEffect(() => {
    const built: FlowNode[] = [...(bands ? buildBandNodes(def, stageLabel) : []), ...buildFlowNodes(def, deco, kindLabel, cache.current)];
    setNodes((prev) => mergeNodes(prev, built));
  }, [def, deco, kindLabel, stageLabel, bands]);
  useEffect(() => {
    setEdges((prev) => mergeEdges(prev, buildFlowEdges(def, deco)));
  }, [def, deco]);

  // Deletions go through commands (the Delete key handler), never straight into RF state.
  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes.filter((c) => c.type !== 'remove'), es));
  }, []);
  const select = useCallback((nodeIds: readonly string[], edgeIds: readonly string[] = []) => {
    const n = new Set(nodeIds);
    const e = new Set(edgeIds);
    setNodes((ns) => ns.map((x) => (Boolean(x.selected) === n.has(x.id) ? x : { ...x, selected: n.has(x.id) })));
    setEdges((es) => es.map((x) => (Boolean(x.selected) === e.has(x.id) ? x : { ...x, selected: e.has(x.id) })));
  }, []);
  return { nodes, edges, onNodesChange, onEdgesChange, select };
}

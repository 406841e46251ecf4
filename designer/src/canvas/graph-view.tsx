/**
 * A read-only template graph with overlays: the order page (tokens and path), the version diff,
 * the duration heatmap. Same nodes as the designer, no editing.
 */
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { KindLabel, StageLabel } from './build-flow';
import type { Decorations, FlowEdge, FlowNode } from './flow-types';
import { NODE_TYPES } from './node-types';
import { OverviewEdges, useFlowEdges } from './overview-edges';
import { useFlowState } from './use-flow-state';
import { captureGesture } from './capture-gesture';
import { OverviewContext, detailClass, useLevelOfDetail, useRemeasureAfterOverview } from './use-level-of-detail';

interface Props {
  def: Definition;
  deco: Decorations;
  kindLabel: KindLabel;
  stageLabel: StageLabel;
  testId?: string;
  height?: number | string;
}

function View({ def, deco, kindLabel, stageLabel }: Props) {
  const state = useFlowState(def, deco, kindLabel, stageLabel);
  const detail = useLevelOfDetail();
  const overview = detail === 'overview';
  const edges = useFlowEdges(state.edges, overview);
  useRemeasureAfterOverview(overview);
  return (
    <OverviewContext value={overview}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={state.nodes} edges={edges} nodeTypes={NODE_TYPES}
        onNodesChange={state.onNodesChange} onEdgesChange={state.onEdgesChange}
        nodesDraggable={false} nodesConnectable={false} elementsSelectable={false} deleteKeyCode={null}
        fitView fitViewOptions={{ maxZoom: 1.1 }} minZoom={0.05} className={detailClass(detail)} proOptions={{ hideAttribution: true }}
      >
        {overview ? <OverviewEdges nodes={state.nodes} edges={state.edges} /> : <Background gap={20} />}
        {def.nodes.length > 40 && <MiniMap pannable zoomable />}
        <Controls showInteractive={false} />
      </ReactFlow>
    </OverviewContext>
  );
}

export function GraphView(props: Props) {
  return (
    <div className="graph-view" style={{ height: props.height ?? 420 }} data-testid={props.testId ?? 'graph'} onPointerDownCapture={captureGesture}>
      <ReactFlowProvider><View {...props} /></ReactFlowProvider>
    </div>
  );
}

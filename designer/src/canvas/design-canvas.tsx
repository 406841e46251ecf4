/**
 * The editable canvas: React Flow over the editor store. Every change the user makes becomes a
 * command (move on drag stop, connect, drop); React Flow only keeps transient view state.
 */
import {
  Background, Controls, MiniMap, type OnConnectEnd, type OnSelectionChangeFunc, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type Edge as RFEdge, type Node as RFNode,
} from '@xyflow/react';
import { type DragEvent, type MouseEvent as ReactMouseEvent, type Ref, type RefObject, useCallback, useImperativeHandle, useMemo, useRef } from 'react';
import type { Definition, NodeType } from '@orderpath/workflows/definition/schema';
import { moveNodesCommand } from '../core/commands/move-nodes.command';
import { checkConnection, makeIsValidConnection } from '../core/connection-rules';
import { connectCommand } from '../core/edit-actions';
import type { EditorStore } from '../core/editor-store';
import type { KindLabel, StageLabel } from './build-flow';
import type { Decorations, FlowEdge, FlowNode } from './flow-types';
import { isBand } from './flow-types';
import { NODE_TYPES } from './node-types';
import { OverviewEdges, useFlowEdges } from './overview-edges';
import { edgeAt } from './overview-paths';
import { useFlowState } from './use-flow-state';
import { captureGesture } from './capture-gesture';
import { OverviewContext, detailClass, useLevelOfDetail, useRemeasureAfterOverview } from './use-level-of-detail';

export const PALETTE_MIME = 'application/x-orderpath-node';
/** How near (screen pixels) a click in the overview must be to an edge to select it. */
const EDGE_HIT_PX = 6;

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface CanvasHandle {
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  focus(id: string): void;
  /** The flow position at the middle of the visible canvas (click-to-add). */
  center(): { x: number; y: number };
  fitToView(): void;
}

interface Props {
  store: EditorStore;
  def: Definition;
  deco: Decorations;
  kindLabel: KindLabel;
  stageLabel: StageLabel;
  onSelectionChange(selection: Selection): void;
  onRefused(reason: string): void;
  onDropKind(type: NodeType, position: { x: number; y: number }): void;
  handle?: Ref<CanvasHandle>;
}

interface CanvasProps extends Props {
  /** The canvas's frame: carries `is-moving` while the viewport pans or zooms. */
  frame: RefObject<HTMLDivElement | null>;
}

const MINIMAP_COLOR = (n: RFNode) => (isBand(n) ? 'transparent' : ((n.data as { stageColor?: string }).stageColor ?? '#8892a6'));

function Canvas({ store, def, deco, kindLabel, stageLabel, onSelectionChange, onRefused, onDropKind, handle, frame }: CanvasProps) {
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const detail = useLevelOfDetail();
  const state = useFlowState(def, deco, kindLabel, stageLabel);
  const overview = detail === 'overview';
  const edges = useFlowEdges(state.edges, overview);
  useRemeasureAfterOverview(overview);
  const isValidConnection = useMemo(() => {
    const valid = makeIsValidConnection(def);
    return (c: RFEdge | Connection) => valid(c);
  }, [def]);

  useImperativeHandle(handle, () => ({
    select: state.select,
    focus(id) {
      state.select([id]);
      void flow.fitView({ nodes: [{ id }], duration: 200, maxZoom: 1.2 });
    },
    center() {
      const el = document.querySelector('.design-canvas .react-flow');
      const r = el?.getBoundingClientRect();
      return flow.screenToFlowPosition({ x: (r?.left ?? 0) + (r?.width ?? 600) / 2, y: (r?.top ?? 0) + (r?.height ?? 400) / 2 });
    },
    fitToView: () => void flow.fitView({ duration: 200, maxZoom: 1 }),
  }), [flow, state.select]);

  const onNodeDragStop = useCallback((_e: unknown, _n: FlowNode, dragged: FlowNode[]) => {
    const byId = new Map(store.def.nodes.map((n) => [n.id, n] as const));
    const moves = dragged.filter((n) => !isBand(n) && byId.has(n.id)).flatMap((n) => {
      const from = byId.get(n.id)!.position;
      const to = { x: Math.round(n.position.x), y: Math.round(n.position.y) };
      return from && from.x === to.x && from.y === to.y ? [] : [{ id: n.id, from, to }];
    });
    if (moves.length) store.execute(moveNodesCommand(moves));
  }, [store]);

  const onConnect = useCallback((c: Connection) => {
    const result = connectCommand(store.def, c.source, c.target);
    if ('refused' in result) onRefused(result.refused);
    else store.execute(result.command);
  }, [store, onRefused]);

  const onConnectEnd: OnConnectEnd = useCallback((_e, cs) => {
    if (cs.isValid === false && cs.fromNode && cs.toNode && cs.fromNode.id !== cs.toNode.id) {
      const check = checkConnection(store.def, { source: cs.fromNode.id, target: cs.toNode.id });
      if (!check.ok) onRefused(check.reason);
    }
  }, [store, onRefused]);

  const onSelection: OnSelectionChangeFunc<FlowNode, FlowEdge> = useCallback(({ nodes, edges }) => {
    onSelectionChange({ nodes: nodes.filter((n) => !isBand(n)).map((n) => n.id), edges: edges.map((e) => e.id) });
  }, [onSelectionChange]);

  // A click on the canvas leaves the properties field, so Delete and Ctrl+Z act on the canvas.
  const blurField = useCallback(() => (document.activeElement as HTMLElement | null)?.blur?.(), []);
  // The overview draws edges as plain paths: a click on the pane selects the edge under it (React
  // Flow then draws that one itself, with its usual interactions).
  const onPaneClick = useCallback((e: ReactMouseEvent) => {
    blurField();
    if (!overview) return;
    const point = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const id = edgeAt(state.nodes, state.edges, point, EDGE_HIT_PX / flow.getZoom());
    if (id) state.select([], [id]);
  }, [blurField, overview, flow, state]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(PALETTE_MIME)) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);
  const onDrop = useCallback((e: DragEvent) => {
    const type = e.dataTransfer.getData(PALETTE_MIME) as NodeType;
    if (!type) return;
    e.preventDefault();
    onDropKind(type, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
  }, [flow, onDropKind]);

  // While the view moves, the viewport is its own compositor layer (styles.css): panning moves
  // pixels already drawn instead of re-rasterising every node each frame.
  const onMoveStart = useCallback(() => frame.current?.classList.add('is-moving'), [frame]);
  const onMoveEnd = useCallback(() => frame.current?.classList.remove('is-moving'), [frame]);

  return (
    <OverviewContext value={overview}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={state.nodes} edges={edges} nodeTypes={NODE_TYPES}
        onNodesChange={state.onNodesChange} onEdgesChange={state.onEdgesChange}
        onNodeDragStop={onNodeDragStop} onConnect={onConnect} onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection} onSelectionChange={onSelection}
        onDragOver={onDragOver} onDrop={onDrop} onNodeClick={blurField} onEdgeClick={blurField} onPaneClick={onPaneClick}
        onMoveStart={onMoveStart} onMoveEnd={onMoveEnd}
        deleteKeyCode={null} selectionKeyCode="Shift" multiSelectionKeyCode={['Meta', 'Control']}
        fitView fitViewOptions={{ maxZoom: 1 }} minZoom={0.05} maxZoom={2} onlyRenderVisibleElements={detail === 'near'} className={detailClass(detail)}
        proOptions={{ hideAttribution: true }}
      >
        {overview ? <OverviewEdges nodes={state.nodes} edges={state.edges} /> : <Background gap={20} />}
        <MiniMap pannable zoomable nodeColor={MINIMAP_COLOR} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </OverviewContext>
  );
}

export function DesignCanvas(props: Props) {
  const frame = useRef<HTMLDivElement>(null);
  return (
    <div className="design-canvas" data-testid="canvas" onPointerDownCapture={captureGesture} ref={frame}>
      <ReactFlowProvider><Canvas {...props} frame={frame} /></ReactFlowProvider>
    </div>
  );
}

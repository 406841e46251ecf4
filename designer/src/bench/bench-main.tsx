/**
 * bench.html: the same large graph drawn either by the designer's canvas (custom nodes, stage
 * bands, validation rings, commands on drag stop) or by bare React Flow (default nodes, plain
 * state), so test/bench/designer.bench.ts can compare frame times side by side.
 * Query: ?mode=designer|bare&n=500
 */
import { Background, Controls, MiniMap, ReactFlow, applyEdgeChanges, applyNodeChanges, type Edge, type Node } from '@xyflow/react';
import { StrictMode, useCallback, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { NodeType } from '@orderpath/workflows/definition/schema';
import { validateDefinition } from '@orderpath/workflows/definition/validate';
import '@xyflow/react/dist/style.css';
import '../styles.css';
import { DesignCanvas } from '../canvas/design-canvas';
import type { Decorations } from '../canvas/flow-types';
import { EditorStore } from '../core/editor-store';
import { indexIssues, worst } from '../core/issue-index';
import { syntheticDefinition } from './synthetic-definition';

const params = new URLSearchParams(location.search);
const n = Math.max(2, Math.min(5000, Number(params.get('n') ?? 500)));
const mode = params.get('mode') === 'bare' ? 'bare' : 'designer';
const def = syntheticDefinition(n);

function Bare() {
  const [nodes, setNodes] = useState<Node[]>(() => def.nodes.map((x) => ({ id: x.id, position: x.position!, data: { label: x.name } })));
  const [edges, setEdges] = useState<Edge[]>(() => def.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })));
  return (
    <ReactFlow nodes={nodes} edges={edges} onNodesChange={(c) => setNodes((ns) => applyNodeChanges(c, ns))} onEdgesChange={(c) => setEdges((es) => applyEdgeChanges(c, es))}
      fitView minZoom={0.05} proOptions={{ hideAttribution: true }}>
      <Background gap={20} />
      <MiniMap pannable zoomable />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

function Designer() {
  const store = useMemo(() => new EditorStore(def), []);
  const current = useSyncExternalStore(store.subscribe, store.getSnapshot).def;
  const deco = useMemo<Decorations>(() => {
    const index = indexIssues(def, validateDefinition(def, { roles: ['rep', 'supervisor', 'admin'] }));
    return { severity: new Map([...index.byNode].map(([id, list]) => [id, worst(list)!])) };
  }, []);
  const kindLabel = useCallback((type: NodeType) => type, []);
  const stageLabel = useCallback((id: string) => id, []);
  const noop = useCallback(() => undefined, []);
  return <DesignCanvas store={store} def={current} deco={deco} kindLabel={kindLabel} stageLabel={stageLabel} onSelectionChange={noop} onRefused={noop} onDropKind={noop} />;
}

function Bench() {
  return <div style={{ width: '100vw', height: '100vh' }} data-mode={mode} data-n={n}>{mode === 'bare' ? <Bare /> : <Designer />}</div>;
}

createRoot(document.getElementById('root')!).render(<StrictMode><Bench /></StrictMode>);

/**
 * Level of detail. Below LOD_ZOOM ('far') the canvas hides the kind line, captions, edge labels and
 * ports — all illegible at that size — and renders every node instead of culling off-screen ones
 * (most are on screen when zoomed out, so culling is wasted work). Below OVERVIEW_ZOOM ('overview',
 * text under 4 px) nodes are plain boxes: no text at all, no badges, no arrowheads, no dot grid, as
 * overview modes of large-diagram editors do; issue rings and stage colours stay. Nodes drop their
 * ports there too (OverviewContext): each mounted port is a store subscription that React Flow runs
 * on every pan and drag frame, 4,000 of them at 2,000 nodes.
 * Measured with the designer benchmark (README, Performance): text and arrowheads are most of the
 * software-raster and layerisation cost of a pan frame when thousands of nodes are on screen.
 */
import { type ReactFlowState, useStore, useStoreApi } from '@xyflow/react';
import { createContext, useEffect, useRef } from 'react';

export const LOD_ZOOM = 0.45;
export const OVERVIEW_ZOOM = 0.3;

export type Detail = 'near' | 'far' | 'overview';

const detailOf = (s: ReactFlowState): Detail => {
  const zoom = s.transform[2];
  if (zoom < OVERVIEW_ZOOM) return 'overview';
  return zoom < LOD_ZOOM ? 'far' : 'near';
};

/** The current level; changes (and re-renders) only when a threshold is crossed. */
export function useLevelOfDetail(): Detail {
  return useStore(detailOf);
}

/** The React Flow root's class for a level (styles.css, "Level of detail"). */
export function detailClass(detail: Detail): string | undefined {
  if (detail === 'near') return undefined;
  return detail === 'far' ? 'lod-far' : 'lod-far lod-overview';
}

type NodeUpdates = Parameters<ReactFlowState['updateNodeInternals']>[0];

/** True in the overview: nodes render no ports (node-shell.tsx). */
export const OverviewContext = createContext(false);

/**
 * Leaving the overview, the ports are back in the DOM: React Flow must measure them again (it only
 * re-measures a node on resize), or edges of nodes mounted in the overview would find no handle.
 */
export function useRemeasureAfterOverview(overview: boolean): void {
  const store = useStoreApi();
  const wasOverview = useRef(false);
  useEffect(() => {
    const left = wasOverview.current && !overview;
    wasOverview.current = overview;
    if (!left) return;
    const { domNode, updateNodeInternals } = store.getState();
    const updates: NodeUpdates = new Map();
    domNode?.querySelectorAll<HTMLDivElement>('.react-flow__node').forEach((el) => {
      const id = el.dataset.id;
      if (id) updates.set(id, { id, nodeElement: el, force: true });
    });
    if (updates.size) updateNodeInternals(updates, { triggerFitView: false });
  }, [overview, store]);
}

/**
 * Level of detail. Below LOD_ZOOM ('far') the canvas hides the kind line, captions, edge labels and
 * ports — all illegible at that size — and renders every node instead of culling off-screen ones
 * (most are on screen when zoomed out, so culling is wasted work). Below OVERVIEW_ZOOM ('overview',
 * text under 4 px) nodes are plain boxes: no text at all, no badges, no arrowheads, no dot grid, as
 * overview modes of large-diagram editors do; issue rings and stage colours stay.
 * Measured with the designer benchmark (README, Performance): text and arrowheads are most of the
 * software-raster and layerisation cost of a pan frame when thousands of nodes are on screen.
 */
import { type ReactFlowState, useStore } from '@xyflow/react';

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

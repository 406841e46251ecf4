/**
 * Stage grouping on the canvas: one translucent band behind the nodes of each stage, with the
 * stage's colour. Computed from node positions; bands are decoration, never part of the model.
 */
import type { Definition } from '@orderpath/workflows/definition/schema';
import { kindOf } from './node-kinds';

export interface StageBand {
  stageId: string;
  x: number;
  y: number;
  width: number;
  height: number;
  color: string;
}

/** Colours by position in the template's stage list, matching the five-stage value chain. */
export const STAGE_COLORS = ['#2f80ed', '#9b51e0', '#27ae60', '#f2994a', '#eb5757', '#56ccf2', '#bb6bd9', '#6fcf97'];

export function stageColor(def: Pick<Definition, 'stages'>, stageId: string | undefined): string | undefined {
  if (!stageId) return undefined;
  const i = def.stages.findIndex((s) => s.id === stageId);
  return i < 0 ? '#999999' : STAGE_COLORS[i % STAGE_COLORS.length];
}

const PAD = 24;

export function stageBands(def: Pick<Definition, 'stages' | 'nodes'>): StageBand[] {
  const boxes = new Map<string, { x1: number; y1: number; x2: number; y2: number }>();
  for (const n of def.nodes) {
    if (!n.stage || !n.position) continue;
    const { width, height } = kindOf(n.type);
    const b = boxes.get(n.stage);
    const x1 = n.position.x, y1 = n.position.y, x2 = x1 + width, y2 = y1 + height;
    boxes.set(n.stage, b ? { x1: Math.min(b.x1, x1), y1: Math.min(b.y1, y1), x2: Math.max(b.x2, x2), y2: Math.max(b.y2, y2) } : { x1, y1, x2, y2 });
  }
  return [...boxes].map(([stageId, b]) => ({
    stageId, color: stageColor(def, stageId) ?? '#999999',
    x: b.x1 - PAD, y: b.y1 - PAD - 18, width: b.x2 - b.x1 + 2 * PAD, height: b.y2 - b.y1 + 2 * PAD + 18,
  }));
}

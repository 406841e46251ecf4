/**
 * What the palette offers and how big each kind is drawn (the layout needs the same sizes as the
 * canvas). Sizes are in flow units.
 */
import type { NodeType } from '@orderpath/workflows/definition/schema';

export interface NodeKind {
  type: NodeType;
  /** Short glyph shown in the palette and on the node. */
  glyph: string;
  width: number;
  height: number;
  shape: 'event' | 'task' | 'gateway';
}

export const NODE_KINDS: readonly NodeKind[] = [
  { type: 'start', glyph: '▶', width: 44, height: 44, shape: 'event' },
  { type: 'userTask', glyph: '☺', width: 180, height: 64, shape: 'task' },
  { type: 'serviceTask', glyph: '⚙', width: 180, height: 64, shape: 'task' },
  { type: 'exclusiveGateway', glyph: '✕', width: 52, height: 52, shape: 'gateway' },
  { type: 'parallelGateway', glyph: '+', width: 52, height: 52, shape: 'gateway' },
  { type: 'timer', glyph: '◷', width: 44, height: 44, shape: 'event' },
  { type: 'messageCatch', glyph: '✉', width: 44, height: 44, shape: 'event' },
  { type: 'subProcess', glyph: '⊞', width: 180, height: 64, shape: 'task' },
  { type: 'end', glyph: '■', width: 44, height: 44, shape: 'event' },
];

const BY_TYPE = new Map(NODE_KINDS.map((k) => [k.type, k] as const));

export function kindOf(type: string): NodeKind {
  return BY_TYPE.get(type as NodeType) ?? NODE_KINDS[1];
}

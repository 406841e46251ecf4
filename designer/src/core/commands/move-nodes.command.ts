import type { Definition } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

export interface Point {
  x: number;
  y: number;
}

export interface NodeMove {
  id: string;
  from: Point | undefined;
  to: Point;
}

function place(def: Definition, positions: ReadonlyMap<string, Point | undefined>): Definition {
  return {
    ...def,
    nodes: def.nodes.map((n) => {
      if (!positions.has(n.id)) return n;
      const position = positions.get(n.id);
      if (position === undefined) {
        const { position: _old, ...rest } = n;
        return rest as typeof n;
      }
      return { ...n, position };
    }),
  };
}

/** Moves nodes (drag, auto-layout). A node that had no position gets it removed again on revert. */
export function moveNodesCommand(moves: readonly NodeMove[], label?: string): Command {
  const to = new Map(moves.map((m) => [m.id, m.to] as const));
  const from = new Map(moves.map((m) => [m.id, m.from] as const));
  return {
    label: label ?? `Move ${moves.length} node${moves.length === 1 ? '' : 's'}`,
    execute: (def) => place(def, to),
    revert: (def) => place(def, from),
  };
}

/** The moves that take `def` to `positions`, skipping nodes already there. */
export function movesTo(def: Definition, positions: ReadonlyMap<string, Point>): NodeMove[] {
  return def.nodes.flatMap((n) => {
    const target = positions.get(n.id);
    if (!target || (n.position && n.position.x === target.x && n.position.y === target.y)) return [];
    return [{ id: n.id, from: n.position, to: target }];
  });
}

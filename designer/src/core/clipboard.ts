/**
 * Copy/paste: the selected nodes and the edges between them, pasted with fresh ids and offset.
 * Pure; the clipboard is a plain value the UI keeps.
 */
import type { Definition, Edge, Node } from '@orderpath/workflows/definition/schema';
import { addElementsCommand } from './commands/add-elements.command';
import type { Command } from './commands/command';
import { freshId, idsOf } from './node-factory';

export interface Clip {
  nodes: Node[];
  edges: Edge[];
}

export function copySelection(def: Definition, nodeIds: readonly string[]): Clip | null {
  const ids = new Set(nodeIds);
  const nodes = def.nodes.filter((n) => ids.has(n.id));
  if (nodes.length === 0) return null;
  return { nodes, edges: def.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

/** Id stem without a trailing `-copy` / `-N`, so copies of copies stay readable. */
function stem(id: string): string {
  return id.replace(/(-copy)?(-\d+)?$/, '') || 'node';
}

/**
 * The command that pastes `clip` into `def`, `offset` away from the originals; also returns the
 * new node ids (the UI selects them).
 */
export function pasteCommand(def: Definition, clip: Clip, offset = 40): { command: Command; nodeIds: string[] } {
  const taken = idsOf(def);
  const rename = new Map<string, string>();
  for (const n of clip.nodes) {
    const id = freshId(`${stem(n.id)}-copy`, taken);
    taken.add(id);
    rename.set(n.id, id);
  }
  const nodes = clip.nodes.map((n): Node => {
    const copy = { ...n, id: rename.get(n.id)!, position: { x: (n.position?.x ?? 0) + offset, y: (n.position?.y ?? 0) + offset } };
    // A deadline edge id would point at the original's edge; the copy's edges are new.
    if (copy.type === 'userTask' && copy.onOverdue && copy.onOverdue !== 'escalate') delete copy.onOverdue;
    if (copy.type === 'messageCatch') delete copy.timeoutEdge;
    return copy;
  });
  const edges = clip.edges.map((e): Edge => {
    const id = freshId('flow', taken);
    taken.add(id);
    return { ...e, id, source: rename.get(e.source)!, target: rename.get(e.target)! };
  });
  return { command: addElementsCommand(`Paste ${nodes.length} node${nodes.length === 1 ? '' : 's'}`, nodes, edges), nodeIds: nodes.map((n) => n.id) };
}

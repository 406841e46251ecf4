/**
 * The designer's intents as commands: what a panel field, a connection or the Delete key means
 * for the model. Each returns a Command (or null when there is nothing to do).
 */
import type { Definition, Edge, Node } from '@orderpath/workflows/definition/schema';
import { addElementsCommand } from './commands/add-elements.command';
import { type Command, compositeCommand } from './commands/command';
import { removeElementsCommand } from './commands/remove-elements.command';
import { replaceEdgeCommand } from './commands/replace-edge.command';
import { replaceNodeCommand } from './commands/replace-node.command';
import { checkConnection } from './connection-rules';
import { createEdge } from './node-factory';

/** Applies a patch; `undefined` values remove the key (an emptied optional field). */
export function patched<T extends object>(item: T, patch: Record<string, unknown>): T {
  const next: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  return next as T;
}

export function patchNodeCommand(def: Definition, nodeId: string, patch: Record<string, unknown>, field: string): Command | null {
  const before = def.nodes.find((n) => n.id === nodeId);
  if (!before) return null;
  return replaceNodeCommand(before, patched(before, patch) as Node, field);
}

export function patchEdgeCommand(def: Definition, edgeId: string, patch: Record<string, unknown>, field: string): Command | null {
  const before = def.edges.find((e) => e.id === edgeId);
  if (!before) return null;
  return replaceEdgeCommand(before, patched(before, patch) as Edge, field);
}

/** Marks one outgoing edge of a gateway as its default (clearing the others). */
export function setDefaultEdgeCommand(def: Definition, edgeId: string, isDefault: boolean): Command | null {
  const edge = def.edges.find((e) => e.id === edgeId);
  if (!edge) return null;
  const commands: Command[] = [];
  for (const e of def.edges) {
    if (e.source !== edge.source) continue;
    const want = e.id === edgeId ? isDefault : isDefault ? false : Boolean(e.default);
    if (Boolean(e.default) !== want) commands.push(replaceEdgeCommand(e, patched(e, { default: want || undefined }), 'default'));
  }
  return commands.length ? compositeCommand(isDefault ? `Make ${edgeId} the default` : `Unset default ${edgeId}`, commands) : null;
}

/** The edge a drawn connection adds, or the reason it is refused. */
export function connectCommand(def: Definition, source: string, target: string): { command: Command; edge: Edge } | { refused: string } {
  const check = checkConnection(def, { source, target });
  if (!check.ok) return { refused: check.reason };
  const edge = createEdge(def, source, target);
  return { command: addElementsCommand(`Connect ${source} → ${target}`, [], [edge]), edge };
}

export function deleteCommand(def: Definition, nodeIds: readonly string[], edgeIds: readonly string[]): Command | null {
  if (nodeIds.length === 0 && edgeIds.length === 0) return null;
  return removeElementsCommand(def, nodeIds, edgeIds);
}

/** The designer's edit intents bound to a store: panel edits, clipboard, delete, layout, keys. */
import { type RefObject, useCallback, useEffect, useMemo, useRef } from 'react';
import type { NodeType } from '@orderpath/workflows/definition/schema';
import { type CanvasHandle } from '../canvas/design-canvas';
import { isTypingTarget, shortcutFor } from '../canvas/keyboard';
import { type Clip, copySelection, pasteCommand } from '../core/clipboard';
import { addElementsCommand } from '../core/commands/add-elements.command';
import { movesTo, moveNodesCommand } from '../core/commands/move-nodes.command';
import { renameNodeCommand } from '../core/commands/rename-node.command';
import { type DefinitionMeta, updateMetaCommand } from '../core/commands/update-meta.command';
import { deleteCommand, patchEdgeCommand, patchNodeCommand, setDefaultEdgeCommand } from '../core/edit-actions';
import type { EditorStore } from '../core/editor-store';
import { layoutPositions } from '../core/layout';
import { createNode, idsOf } from '../core/node-factory';
import type { PanelActions } from './properties/properties-panel';

const ID_RE = /^[A-Za-z0-9_.:-]+$/;

export interface DesignerCommands extends PanelActions {
  addNode(type: NodeType, at?: { x: number; y: number }): void;
  copy(): void;
  paste(): void;
  remove(): void;
  layout(): void;
  undo(): void;
  redo(): void;
  hasClip(): boolean;
}

export function useDesignerCommands(
  store: EditorStore,
  selection: { nodes: string[]; edges: string[] },
  canvas: RefObject<CanvasHandle | null>,
  onClipChange: () => void,
): DesignerCommands {
  const clip = useRef<Clip | null>(null);
  const sel = useRef(selection);
  sel.current = selection;

  const commands = useMemo<DesignerCommands>(() => ({
    editNode(nodeId, patch, field) {
      const c = patchNodeCommand(store.def, nodeId, patch, field);
      if (c) store.execute(c);
    },
    renameNode(from, to) {
      if (!ID_RE.test(to) || idsOf(store.def).has(to)) return false;
      store.execute(renameNodeCommand(from, to));
      canvas.current?.select([to]);
      return true;
    },
    editEdge(edgeId, patch, field) {
      const c = patchEdgeCommand(store.def, edgeId, patch, field);
      if (c) store.execute(c);
    },
    setDefault(edgeId, value) {
      const c = setDefaultEdgeCommand(store.def, edgeId, value);
      if (c) store.execute(c);
    },
    editMeta(patch: Partial<DefinitionMeta>, field) {
      store.execute(updateMetaCommand(store.def, patch, field));
    },
    commit: () => store.commitTyping(),
    addNode(type, at) {
      const position = at ?? canvas.current?.center() ?? { x: 0, y: 0 };
      const node = createNode(store.def, type, { x: position.x - 40, y: position.y - 25 });
      store.execute(addElementsCommand(`Add ${node.id}`, [node]));
      requestAnimationFrame(() => canvas.current?.select([node.id]));
    },
    copy() {
      clip.current = copySelection(store.def, sel.current.nodes);
      onClipChange();
    },
    paste() {
      if (!clip.current) return;
      const { command, nodeIds } = pasteCommand(store.def, clip.current);
      store.execute(command);
      requestAnimationFrame(() => canvas.current?.select(nodeIds));
    },
    remove() {
      const c = deleteCommand(store.def, sel.current.nodes, sel.current.edges);
      if (c) store.execute(c);
    },
    layout() {
      const moves = movesTo(store.def, layoutPositions(store.def));
      if (moves.length) store.execute(moveNodesCommand(moves, 'Auto-layout'));
      requestAnimationFrame(() => canvas.current?.fitToView());
    },
    undo: () => store.undo(),
    redo: () => store.redo(),
    hasClip: () => clip.current !== null,
  }), [store, canvas, onClipChange]);

  const onKey = useCallback((e: KeyboardEvent) => {
    if (isTypingTarget(e.target)) return;
    const action = shortcutFor(e);
    if (!action || action === 'selectAll') return;
    e.preventDefault();
    commands[action === 'delete' ? 'remove' : action]();
  }, [commands]);
  useEffect(() => {
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onKey]);
  return commands;
}

/**
 * Undo/redo over commands, as pure functions on an immutable history. The editor store wraps it;
 * tests drive it directly.
 */
import type { Definition } from '@orderpath/workflows/definition/schema';
import type { Command } from './commands/command';

export interface History {
  readonly def: Definition;
  readonly past: readonly Command[];
  readonly future: readonly Command[];
  /** Bumped on every change; lets the UI tell saved from unsaved. */
  readonly revision: number;
}

/** Undo depth; older steps are dropped. */
export const MAX_UNDO = 200;

export function createHistory(def: Definition): History {
  return { def, past: [], future: [], revision: 0 };
}

/**
 * Runs a command and records it; a command with the same mergeKey as the last one folds into it
 * (unless `noMerge`, e.g. after an undo or a blur).
 */
export function executeCommand(h: History, command: Command, noMerge = false): History {
  const last = h.past[h.past.length - 1];
  const def = command.execute(h.def);
  if (!noMerge && last?.mergeKey && last.mergeKey === command.mergeKey && last.merge) {
    return { def, past: [...h.past.slice(0, -1), last.merge(command)], future: [], revision: h.revision + 1 };
  }
  return { def, past: [...h.past, command].slice(-MAX_UNDO), future: [], revision: h.revision + 1 };
}

export function undo(h: History): History {
  const last = h.past[h.past.length - 1];
  if (!last) return h;
  return { def: last.revert(h.def), past: h.past.slice(0, -1), future: [last, ...h.future], revision: h.revision + 1 };
}

export function redo(h: History): History {
  const next = h.future[0];
  if (!next) return h;
  return { def: next.execute(h.def), past: [...h.past, next], future: h.future.slice(1), revision: h.revision + 1 };
}

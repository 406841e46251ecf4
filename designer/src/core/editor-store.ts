/**
 * The designer's model: the definition being edited and its command history, with a tiny
 * subscribe/getSnapshot interface for React's useSyncExternalStore. No React in here.
 */
import type { Definition } from '@orderpath/workflows/definition/schema';
import { type History, createHistory, executeCommand, redo, undo } from './command-stack';
import type { Command } from './commands/command';

export interface EditorSnapshot {
  def: Definition;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** True when the definition changed since the last load or save. */
  dirty: boolean;
  revision: number;
}

export class EditorStore {
  private history: History;
  private savedRevision = 0;
  private snapshot: EditorSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Set after undo/redo or a field blur so the next edit starts a new undo step. */
  private breakMerge = false;

  constructor(def: Definition) {
    this.history = createHistory(def);
    this.snapshot = this.snap();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): EditorSnapshot => this.snapshot;

  get def(): Definition {
    return this.history.def;
  }

  execute(command: Command): void {
    this.set(executeCommand(this.history, command, this.breakMerge));
    this.breakMerge = false;
  }

  undo(): void {
    this.set(undo(this.history));
    this.breakMerge = true;
  }

  redo(): void {
    this.set(redo(this.history));
    this.breakMerge = true;
  }

  /** Ends the current typing run: the next edit of the same field is a new undo step. */
  commitTyping(): void {
    this.breakMerge = true;
  }

  /** Loads another definition, forgetting history (open a template). */
  reset(def: Definition): void {
    this.history = createHistory(def);
    this.savedRevision = 0;
    this.emit();
  }

  markSaved(): void {
    this.savedRevision = this.history.revision;
    this.emit();
  }

  private set(history: History): void {
    if (history === this.history) return;
    this.history = history;
    this.emit();
  }

  private snap(): EditorSnapshot {
    const { def, past, future, revision } = this.history;
    return {
      def, revision,
      canUndo: past.length > 0,
      canRedo: future.length > 0,
      undoLabel: past[past.length - 1]?.label ?? null,
      redoLabel: future[0]?.label ?? null,
      dirty: revision !== this.savedRevision,
    };
  }

  private emit(): void {
    this.snapshot = this.snap();
    for (const listener of this.listeners) listener();
  }
}

/**
 * A designer edit (bpmn-js style): a named command that can be executed and reverted. Commands
 * are values built from the state they change, so the undo stack only keeps commands, never
 * snapshots. Each returns a new definition and leaves untouched nodes and edges identical, so the
 * canvas re-renders only what changed.
 */
import type { Definition } from '@orderpath/workflows/definition/schema';

export interface Command {
  /** What the user did, for the undo/redo tooltip ("Move 3 nodes"). */
  readonly label: string;
  execute(def: Definition): Definition;
  revert(def: Definition): Definition;
  /**
   * Consecutive commands with the same key (typing into one field) fold into one undo step.
   * `merge` gets the newer command and returns the folded one.
   */
  readonly mergeKey?: string;
  merge?(next: Command): Command;
}

/** Several commands as one undo step (e.g. delete a node and its edges, paste). */
export function compositeCommand(label: string, commands: readonly Command[]): Command {
  return {
    label,
    execute: (def) => commands.reduce((d, c) => c.execute(d), def),
    revert: (def) => commands.reduceRight((d, c) => c.revert(d), def),
  };
}

import type { Definition } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

/** Swaps the whole definition (BPMN import into an open template): one undo brings it back. */
export function replaceDefinitionCommand(before: Definition, after: Definition, label = 'Replace the template'): Command {
  return { label, execute: () => after, revert: () => before };
}

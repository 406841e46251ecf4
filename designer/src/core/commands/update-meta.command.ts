import type { Definition } from '@orderpath/workflows/definition/schema';
import type { Command } from './command';

/** The template-level fields the designer edits (not nodes or edges). */
export type DefinitionMeta = Pick<Definition, 'name' | 'description' | 'stages' | 'variables' | 'noProgressAfter'>;

function pick(def: Definition, keys: readonly (keyof DefinitionMeta)[]): Partial<DefinitionMeta> {
  return Object.fromEntries(keys.map((k) => [k, def[k]])) as Partial<DefinitionMeta>;
}

/** Edits template-level fields (name, description, stages, no-progress period). Same-field edits merge. */
export function updateMetaCommand(def: Definition, patch: Partial<DefinitionMeta>, field = 'template'): Command & { patch: Partial<DefinitionMeta> } {
  const keys = Object.keys(patch) as (keyof DefinitionMeta)[];
  const before = pick(def, keys);
  const apply = (values: Partial<DefinitionMeta>) => (d: Definition): Definition => {
    const next = { ...d, ...values };
    for (const k of keys) if (values[k] === undefined) delete next[k];
    return next;
  };
  return {
    label: `Edit ${field}`,
    mergeKey: `meta:${field}`,
    patch,
    execute: apply(patch),
    revert: apply(before),
    merge: (next) => {
      const later = (next as Command & { patch: Partial<DefinitionMeta> }).patch;
      const merged = updateMetaCommand(def, { ...patch, ...later }, field);
      return merged;
    },
  };
}

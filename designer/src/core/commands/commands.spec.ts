/**
 * Every command, executed then reverted, gives back exactly the definition it started from
 * (bpmn-js rule: each command has an undo test). Given the KA entry example of DESIGN.md §3.
 */
import { type Definition, definitionSchema } from '@orderpath/workflows/definition/schema';
import { kaEntryDefinition } from '@orderpath/workflows/definition/test-builders';
import { addElementsCommand } from './add-elements.command';
import type { Command } from './command';
import { moveNodesCommand } from './move-nodes.command';
import { removeElementsCommand } from './remove-elements.command';
import { renameNodeCommand } from './rename-node.command';
import { replaceDefinitionCommand } from './replace-definition.command';
import { replaceEdgeCommand } from './replace-edge.command';
import { replaceNodeCommand } from './replace-node.command';
import { updateMetaCommand } from './update-meta.command';
import { setDefaultEdgeCommand } from '../edit-actions';

const ka = (): Definition => definitionSchema.parse(kaEntryDefinition());

function roundTrip(def: Definition, command: Command): { after: Definition; reverted: Definition } {
  const after = command.execute(def);
  return { after, reverted: command.revert(after) };
}

describe('given the KA entry template', () => {
  const def = ka();
  const node = def.nodes[1];

  it('adding a node and an edge then undoing leaves the template as it was', () => {
    const { after, reverted } = roundTrip(def, addElementsCommand('add', [{ id: 'x', type: 'end' }], [{ id: 'ex', source: 'approve', target: 'x' }]));
    expect(after.nodes.map((n) => n.id)).toContain('x');
    expect(after.edges.map((e) => e.id)).toContain('ex');
    expect(reverted).toEqual(def);
  });

  it('deleting a node removes its edges, and undo puts both back at their old places', () => {
    const { after, reverted } = roundTrip(def, removeElementsCommand(def, ['big-fee']));
    expect(after.nodes.map((n) => n.id)).not.toContain('big-fee');
    expect(after.edges.map((e) => e.id)).toEqual(['e1', 'e5']);
    expect(reverted).toEqual(def);
  });

  it('moving a node that had no position removes the position again on undo', () => {
    expect(node.position).toBeUndefined();
    const { after, reverted } = roundTrip(def, moveNodesCommand([{ id: node.id, from: undefined, to: { x: 10, y: 20 } }]));
    expect(after.nodes[1].position).toEqual({ x: 10, y: 20 });
    expect(reverted).toEqual(def);
    expect('position' in reverted.nodes[1]).toBe(false);
  });

  it('editing a node replaces only that node; untouched nodes stay the same objects', () => {
    const { after, reverted } = roundTrip(def, replaceNodeCommand(node, { ...node, name: 'Renamed' }, 'name'));
    expect(after.nodes[1].name).toBe('Renamed');
    expect(after.nodes[0]).toBe(def.nodes[0]);
    expect(reverted).toEqual(def);
  });

  it('typing into one field folds into a single command whose undo restores the first value', () => {
    const first = replaceNodeCommand(node, { ...node, name: 'N' }, 'name');
    const folded = first.merge!(replaceNodeCommand({ ...node, name: 'N' }, { ...node, name: 'Ne' }, 'name'));
    const { after, reverted } = roundTrip(def, folded);
    expect(after.nodes[1].name).toBe('Ne');
    expect(reverted).toEqual(def);
  });

  it('renaming a node rewires its edges, and undo restores the old id everywhere', () => {
    const { after, reverted } = roundTrip(def, renameNodeCommand('big-fee', 'fee-check'));
    expect(after.edges.filter((e) => e.source === 'fee-check' || e.target === 'fee-check')).toHaveLength(3);
    expect(reverted).toEqual(def);
  });

  it('editing an edge condition and undoing restores the condition', () => {
    const e3 = def.edges[2];
    const { after, reverted } = roundTrip(def, replaceEdgeCommand(e3, { ...e3, condition: 'vars.listingFee > 1' }, 'condition'));
    expect(after.edges[2].condition).toBe('vars.listingFee > 1');
    expect(reverted).toEqual(def);
  });

  it('making another edge the default clears the old default, and undo restores both', () => {
    const { after, reverted } = roundTrip(def, setDefaultEdgeCommand(def, 'e3', true)!);
    expect(after.edges.find((e) => e.id === 'e3')?.default).toBe(true);
    expect(after.edges.find((e) => e.id === 'e4')?.default).toBeUndefined();
    expect(reverted).toEqual(def);
  });

  it('editing stages and the name, then undoing, restores both', () => {
    const { after, reverted } = roundTrip(def, updateMetaCommand(def, { name: 'KA', stages: [] }, 'template'));
    expect(after).toMatchObject({ name: 'KA', stages: [] });
    expect(reverted).toEqual(def);
  });

  it('replacing the whole template (BPMN import) is one undo step', () => {
    const other = { ...def, nodes: [], edges: [] };
    const { after, reverted } = roundTrip(def, replaceDefinitionCommand(def, other));
    expect(after).toBe(other);
    expect(reverted).toBe(def);
  });
});

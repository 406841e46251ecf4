import { definitionSchema } from '@orderpath/workflows/definition/schema';
import { kaEntryDefinition } from '@orderpath/workflows/definition/test-builders';
import { copySelection, pasteCommand } from './clipboard';

describe('given the KA entry template', () => {
  const def = definitionSchema.parse(kaEntryDefinition());

  it('copying two connected nodes and pasting adds copies with fresh ids and the edge between them', () => {
    const clip = copySelection(def, ['big-fee', 'approve'])!;
    expect(clip.edges.map((e) => e.id)).toEqual(['e3']);
    const { command, nodeIds } = pasteCommand(def, clip);
    const after = command.execute(def);
    expect(nodeIds).toEqual(['big-fee-copy-1', 'approve-copy-1']);
    const copied = after.edges.find((e) => e.source === 'big-fee-copy-1');
    expect(copied).toMatchObject({ target: 'approve-copy-1', condition: 'vars.listingFee > 50000' });
    expect(after.nodes.find((n) => n.id === 'approve-copy-1')?.position).toEqual({ x: 40, y: 40 });
    expect(command.revert(after)).toEqual(def);
  });

  it('pasting twice never reuses an id', () => {
    const clip = copySelection(def, ['approve'])!;
    const once = pasteCommand(def, clip).command.execute(def);
    const twice = pasteCommand(once, clip).command.execute(once);
    const ids = twice.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('copying nothing gives no clip', () => {
    expect(copySelection(def, [])).toBeNull();
  });
});

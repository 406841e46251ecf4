import { definitionSchema } from '@orderpath/workflows/definition/schema';
import { kaEntryDefinition, linearDefinition } from '@orderpath/workflows/definition/test-builders';
import { layoutPositions, needsLayout, withLayout } from './layout';

describe('auto-layout', () => {
  it('places a chain left to right', () => {
    const positions = layoutPositions(definitionSchema.parse(linearDefinition(5)));
    const xs = ['start', 't1', 't2', 't3', 'end'].map((id) => positions.get(id)!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('gives every node of a branching template a position, so it no longer needs a layout', () => {
    const def = definitionSchema.parse(kaEntryDefinition());
    expect(needsLayout(def)).toBe(true);
    const laid = withLayout(def);
    expect(needsLayout(laid)).toBe(false);
    expect(laid.nodes.find((n) => n.id === 'approve')!.position!.x).toBeGreaterThan(laid.nodes.find((n) => n.id === 'big-fee')!.position!.x);
  });
});

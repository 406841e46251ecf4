import { childOrderId } from './child-order-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const parent = '2f8e37ac-1553-4982-96fe-8bbc2b762168';

describe('childOrderId', () => {
  it('is a version-8 UUID, the same for the same parent, node and iteration', () => {
    expect(childOrderId(parent, 'ship', 1)).toMatch(UUID);
    expect(childOrderId(parent, 'ship', 1)).toBe(childOrderId(parent, 'ship', 1));
  });

  it('differs when the parent, the node or the iteration differs', () => {
    const ids = new Set([
      childOrderId(parent, 'ship', 1), childOrderId(parent, 'ship', 2), childOrderId(parent, 'ship2', 1),
      childOrderId('2f8e37ac-1553-4982-96fe-8bbc2b762169', 'ship', 1), childOrderId(parent, 'ship1', 1), childOrderId(parent, 'shi', 11),
    ]);
    expect(ids.size).toBe(6);
  });

  it('spreads over many calls without a collision', () => {
    const ids = new Set(Array.from({ length: 5_000 }, (_, i) => childOrderId(parent, `node-${i % 50}`, Math.floor(i / 50))));
    expect(ids.size).toBe(5_000);
  });
});

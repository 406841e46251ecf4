import { allocateLine } from './allocation';

describe('allocating one plan line', () => {
  it('reserves everything when stock suffices', () => {
    expect(allocateLine(40, 0, 100)).toEqual({ reserved: 40, delta: 40, backordered: 0 });
  });

  it('reserves what is available and backorders the rest', () => {
    expect(allocateLine(40, 0, 25)).toEqual({ reserved: 25, delta: 25, backordered: 15 });
  });

  it('backorders everything when nothing is available (or HQ is oversold on paper)', () => {
    expect(allocateLine(40, 0, 0)).toEqual({ reserved: 0, delta: 0, backordered: 40 });
    expect(allocateLine(40, 0, -5)).toEqual({ reserved: 0, delta: 0, backordered: 40 });
  });

  it('tops up an earlier partial reservation from new stock on a re-run', () => {
    expect(allocateLine(40, 25, 10)).toEqual({ reserved: 35, delta: 10, backordered: 5 });
  });

  it('is a no-op when re-run on a complete reservation (idempotent)', () => {
    expect(allocateLine(40, 40, 0)).toEqual({ reserved: 40, delta: 0, backordered: 0 });
  });

  it('releases the excess when the agreed quantity went down', () => {
    expect(allocateLine(30, 40, 0)).toEqual({ reserved: 30, delta: -10, backordered: 0 });
  });

  it('always keeps reserved + backordered = requested and never takes more than available', () => {
    for (const requested of [0, 1, 7, 40]) {
      for (const already of [0, 3, 40]) {
        for (const available of [0, 2, 50]) {
          const a = allocateLine(requested, Math.min(already, requested), available);
          expect(a.reserved + a.backordered).toBe(requested);
          expect(a.delta).toBeLessThanOrEqual(Math.max(0, available));
        }
      }
    }
  });
});

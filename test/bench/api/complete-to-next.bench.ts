import type { Benchmark } from '../support/benchmark';

export const completeToNextBench: Benchmark = { name: 'complete_to_next', group: 'api', run: async () => { throw new Error('not written yet'); } };

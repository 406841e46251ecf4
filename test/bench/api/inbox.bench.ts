import type { Benchmark } from '../support/benchmark';

export const inboxBench: Benchmark = { name: 'inbox', group: 'api', run: async () => { throw new Error('not written yet'); } };

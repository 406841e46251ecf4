/** The interpreter's public surface: the runtime, its types and errors, and the port contract. */
export { ProcessRuntime } from './process-runtime';
export type { ProcessResult, IncidentAction } from './types';
export * from './errors';
export * from './ports';

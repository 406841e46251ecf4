import { InitialSchema1764230000000 } from './1764230000000-initial-schema';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764230000000];

import { InitialSchema1764230000000 } from './1764230000000-initial-schema';
import { ApiReadModels1764240000000 } from './1764240000000-api-read-models';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764230000000, ApiReadModels1764240000000];

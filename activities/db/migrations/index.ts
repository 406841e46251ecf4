import { InitialSchema1764230000000 } from './1764230000000-initial-schema';
import { ApiReadModels1764240000000 } from './1764240000000-api-read-models';
import { BackfillOrderWaits1764240001000 } from './1764240001000-backfill-order-waits';
import { DomainMasterData1764250000000 } from './1764250000000-domain-master-data';
import { DomainPlanning1764251000000 } from './1764251000000-domain-planning';
import { DomainTracking1764252000000 } from './1764252000000-domain-tracking';
import { DomainNaturalKeys1764253000000 } from './1764253000000-domain-natural-keys';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764230000000, ApiReadModels1764240000000, BackfillOrderWaits1764240001000,
  DomainMasterData1764250000000, DomainPlanning1764251000000, DomainTracking1764252000000,
  DomainNaturalKeys1764253000000];

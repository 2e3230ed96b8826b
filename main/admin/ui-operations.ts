import type { Core } from '../create-core.ts';
import { dashboardOperations } from './dashboard-operations.ts';
import { libraryOperations } from './library-operations.ts';
import { lookupOperations } from './lookup-operations.ts';
import { systemOperations } from './system-operations.ts';

/** The operations the control UI adds to the contract, spread into createAdminApi. */
export function uiOperations(core: Core) {
  return { ...libraryOperations(core), ...dashboardOperations(core), ...lookupOperations(core), ...systemOperations(core) };
}

import { dashboardOperations, type DashboardOperationsDeps } from './dashboard-operations.ts';
import { libraryOperations } from './library-operations.ts';
import { lookupOperations } from './lookup-operations.ts';
import { nodeOperations, type NodeOperationsDeps } from './node-operations.ts';
import { systemOperations, type SystemOperationsDeps } from './system-operations.ts';
import type { StoreContext } from '../core/app-context.ts';

export type UiOperationsDeps = DashboardOperationsDeps & SystemOperationsDeps & NodeOperationsDeps & { library: StoreContext };

/** The operations the control UI adds to the contract, spread into createAdminApi. */
export function uiOperations(deps: UiOperationsDeps) {
  return { ...libraryOperations(deps), ...dashboardOperations(deps), ...lookupOperations({ app: deps.library }), ...systemOperations(deps), ...nodeOperations(deps) };
}

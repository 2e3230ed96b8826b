import type { AdminApi } from '../../contract/admin.ts';
import type { Core } from '../create-core.ts';

/** The read-only integration key (Settings → Integrations; `inkstand integration-key`). */
export function integrationOperations(core: Core): Pick<AdminApi, 'integrations.getKey' | 'integrations.createKey' | 'integrations.revokeKey'> {
  return {
    'integrations.getKey': () => core.integrationKeys.describe(),
    'integrations.createKey': () => core.integrationKeys.create(),
    'integrations.revokeKey': () => core.integrationKeys.revoke(),
  };
}

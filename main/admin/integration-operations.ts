import type { AdminApi } from '../../contract/admin.ts';
import type { IntegrationKeys } from '../integrations/integration-keys.ts';

/** The read-only integration key (Settings → Integrations; `inkstand integration-key`). */
export function integrationOperations(deps: { integrationKeys: IntegrationKeys }): Pick<AdminApi, 'integrations.getKey' | 'integrations.createKey' | 'integrations.revokeKey'> {
  const keys = deps.integrationKeys;
  return {
    'integrations.getKey': () => keys.describe(),
    'integrations.createKey': () => keys.create(),
    'integrations.revokeKey': () => keys.revoke(),
  };
}

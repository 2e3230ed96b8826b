import type { AdminApi } from '../../contract/admin.ts';
import type { IntegrationKeyStore } from '../integrations/integration-key-store.ts';

type IntegrationOperation = 'integrations.getKey' | 'integrations.createKey' | 'integrations.revokeKey'
  | 'integrations.getControlKey' | 'integrations.createControlKey' | 'integrations.revokeControlKey';

/** The read-only and the control integration keys (Settings → Integrations; `inkstand integration-key [--control]`). */
export function integrationOperations(deps: { integrationKeys: IntegrationKeyStore }): Pick<AdminApi, IntegrationOperation> {
  const keys = deps.integrationKeys;
  return {
    'integrations.getKey': () => keys.describe('read'),
    'integrations.createKey': () => keys.create('read'),
    'integrations.revokeKey': () => keys.revoke('read'),
    'integrations.getControlKey': () => keys.describe('control'),
    'integrations.createControlKey': () => keys.create('control'),
    'integrations.revokeControlKey': () => keys.revoke('control'),
  };
}

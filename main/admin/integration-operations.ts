import type { AdminApi } from '../../contract/admin.ts';
import type { Core } from '../create-core.ts';

type IntegrationOperation = 'integrations.getKey' | 'integrations.createKey' | 'integrations.revokeKey'
  | 'integrations.getControlKey' | 'integrations.createControlKey' | 'integrations.revokeControlKey';

/** The read-only and the control integration keys (Settings → Integrations; `inkstand integration-key [--control]`). */
export function integrationOperations(core: Core): Pick<AdminApi, IntegrationOperation> {
  return {
    'integrations.getKey': () => core.integrationKeys.describe('read'),
    'integrations.createKey': () => core.integrationKeys.create('read'),
    'integrations.revokeKey': () => core.integrationKeys.revoke('read'),
    'integrations.getControlKey': () => core.integrationKeys.describe('control'),
    'integrations.createControlKey': () => core.integrationKeys.create('control'),
    'integrations.revokeControlKey': () => core.integrationKeys.revoke('control'),
  };
}

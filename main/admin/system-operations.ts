import { APP_VERSION } from '../config.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { AdminApi } from '../../contract/admin.ts';
import type { ListenerInfo } from './server-info.ts';

export interface SystemOperationsDeps {
  settings: Pick<SettingsStore, 'get'>;
  dataDir: string;
  listeners: Pick<ListenerInfo, 'current'>;
}

/** What the Settings view shows about the running app. */
export function systemOperations(deps: SystemOperationsDeps): Pick<AdminApi, 'system.info'> {
  return {
    async 'system.info'() {
      return {
        version: APP_VERSION,
        serverName: (await deps.settings.get('server.name')) ?? 'Inkstand',
        dataDir: deps.dataDir,
        listeners: deps.listeners.current(),
      };
    },
  };
}

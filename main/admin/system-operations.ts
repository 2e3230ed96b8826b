import { APP_VERSION } from '../config.ts';
import type { Core } from '../create-core.ts';
import type { AdminApi } from '../../contract/admin.ts';
import { publishedListeners } from './server-info.ts';

type SystemOperations = Pick<AdminApi, 'system.info'>;

/** What the Settings view shows about the running app. */
export function systemOperations(core: Core): SystemOperations {
  return {
    async 'system.info'() {
      return {
        version: APP_VERSION,
        serverName: (await core.app.settings.get('server.name')) ?? 'Inkstand',
        dataDir: core.app.dataDir,
        listeners: publishedListeners(core),
      };
    },
  };
}

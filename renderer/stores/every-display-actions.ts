import { client } from '../api/client.ts';
import { attempt } from './server-errors.ts';
import { useToasts } from './toast-store.ts';

const plural = (n: number) => `${n} display${n === 1 ? '' : 's'}`;

/** The quick actions on every display at once (the tray has the same ones). */
export const everyDisplayActions = {
  async refreshAll() {
    const result = await attempt(() => client().call('displays.refreshAll', {}));
    if (result) useToasts.getState().show(`Refreshed ${plural(result.refreshed)}`);
  },
  async nextPhotoEverywhere() {
    const result = await attempt(() => client().call('displays.nextPhotoEverywhere', {}));
    if (result) useToasts.getState().show(`Next photo on ${plural(result.refreshed)}`);
  },
  async dashboardEverywhere(minutes = 30) {
    const result = await attempt(() => client().call('displays.dashboardEverywhere', { minutes }));
    if (result) useToasts.getState().show(`Dashboard on ${plural(result.refreshed)} for ${minutes} minutes`);
  },
};

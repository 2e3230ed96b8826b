import { z } from 'zod';
import type { Core } from '../create-core.ts';
import { BUILTIN_PROFILES, type PanelProfile } from '../imaging/profiles.ts';
import { toHex } from '../display-content/display-state.ts';
import { SettingError } from '../settings/settings-store.ts';
import type { AdminApi, PairingWindowDto, PanelProfileDto } from '../../contract/admin.ts';
import { displayOperations } from './display-operations.ts';
import { frameInstallOperations } from './frame-install-operations.ts';
import { panelImagePreviewOperations } from './panel-image-preview-operations.ts';
import { integrationOperations } from './integration-operations.ts';
import { ValidationError } from './errors.ts';
import { uiOperations } from './ui-operations.ts';

const DASHBOARD_EVERYWHERE_MINUTES = 30;

function profileDto(profile: PanelProfile): PanelProfileDto {
  const { id, label, width, height, colorNames, builtIn } = profile;
  return { id, label, width, height, colorNames, builtIn, palette: profile.palette.map(toHex) };
}

/** The admin contract, implemented once over the core services. */
export function createAdminApi(core: Core): AdminApi {
  const pairingWindow = async (): Promise<PairingWindowDto> => {
    const until = await core.pairing.pairingWindowUntil();
    return { open: until !== null, until: until?.toISOString() ?? null };
  };

  return {
    ...displayOperations(core),
    ...panelImagePreviewOperations(core),
    ...frameInstallOperations(core),
    ...integrationOperations(core),
    ...uiOperations(core),
    async 'profiles.list'() {
      return [...BUILTIN_PROFILES, ...(await core.profiles.listCustom())].map(profileDto);
    },
    async 'profiles.saveCustom'({ profile }) {
      try {
        return profileDto(await core.profiles.saveCustom(profile));
      } catch (err) {
        throw new ValidationError((err as Error).message);
      }
    },
    'pairing.get': pairingWindow,
    async 'pairing.open'({ minutes }) {
      const duration = z.number().int().min(1).max(60).default(10).parse(minutes);
      await core.pairing.openPairingWindow(duration * 60_000);
      return pairingWindow();
    },
    async 'pairing.close'() {
      await core.pairing.closePairingWindow();
      return pairingWindow();
    },
    async 'displays.refreshAll'() {
      return { refreshed: await core.displayContent.refreshAll() };
    },
    async 'displays.nextPhotoEverywhere'() {
      return { refreshed: await core.actions.forEachApproved({ action: 'next' }) };
    },
    async 'displays.dashboardEverywhere'({ minutes }) {
      const duration = z.number().int().min(1).max(24 * 60).default(DASHBOARD_EVERYWHERE_MINUTES).parse(minutes);
      return { refreshed: await core.actions.forEachApproved({ action: 'override', mode: 'dashboard', minutes: duration }) };
    },
    async 'settings.list'() {
      return core.app.settings.list();
    },
    async 'settings.set'({ key, value }) {
      try {
        await core.app.settings.set(z.string().parse(key), z.string().max(2000).parse(value));
      } catch (err) {
        if (err instanceof SettingError) throw new ValidationError(err.message);
        throw err;
      }
      core.app.events.emit('content-changed', { kind: 'settings' });
      return core.app.settings.list();
    },
    async 'jobs.list'() {
      return core.jobs.list();
    },
    async 'jobs.run'({ name, params }) {
      return core.jobs.runNow(z.string().parse(name), params);
    },
    async 'jobs.update'({ name, patch }) {
      return core.jobs.update(z.string().parse(name), patch);
    },
    async 'jobs.executions'({ name }) {
      return core.jobs.executions(name);
    },
    async 'jobs.logs'({ executionId, afterSeq }) {
      return core.jobs.logs(z.coerce.number().int().positive().parse(executionId), afterSeq === undefined ? undefined : z.coerce.number().int().min(0).parse(afterSeq));
    },
  };
}

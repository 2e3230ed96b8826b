import { z } from 'zod';
import { BUILTIN_PROFILES, type PanelProfile } from '../imaging/profiles.ts';
import { toHex } from '../display-content/display-state.ts';
import type { DisplayActions } from '../display-content/display-actions.ts';
import type { DisplayContentService } from '../display-content/display-content-service.ts';
import type { Pairing } from '../displays/pairing.ts';
import type { IntegrationKeyStore } from '../integrations/integration-key-store.ts';
import type { JobService } from '../jobs/job-service.ts';
import type { ProfileStore } from '../panel-images/profile-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { AdminApi, PairingWindowDto, PanelProfileDto } from '../../contract/admin.ts';
import { displayOperations, type DisplayOperationsDeps } from './display-operations.ts';
import { frameInstallOperations, type FrameInstallDeps } from './frame-install-operations.ts';
import { panelImagePreviewOperations, type PanelImagePreviewDeps } from './panel-image-preview-operations.ts';
import { integrationOperations } from './integration-operations.ts';
import { parseInput } from '../core/errors.ts';
import { uiOperations, type UiOperationsDeps } from './ui-operations.ts';
import { ITEM_MODES } from '../../contract/dtos.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import { itemForMode } from '../screens/mode-items.ts';
import type { ScreensFeature } from '../screens/screens-feature.ts';
import { lanHttpBase } from '../screens/webhook-url.ts';
import { mashupPlaylistOperations } from './mashup-playlist-operations.ts';
import { screenOperations } from './screen-operations.ts';

/** What the admin contract is implemented over; each group of operations takes only its part. */
export type AdminDeps = DisplayOperationsDeps & PanelImagePreviewDeps & UiOperationsDeps & FrameInstallDeps & {
  profiles: ProfileStore;
  pairing: Pairing;
  displayContent: DisplayContentService;
  actions: DisplayActions;
  integrationKeys: IntegrationKeyStore;
  jobs: JobService;
  settings: SettingsStore;
  displays: DisplayStore;
  screens: ScreensFeature;
};

const DASHBOARD_EVERYWHERE_MINUTES = 30;

function profileDto(profile: PanelProfile): PanelProfileDto {
  const { id, label, width, height, colorNames, builtIn } = profile;
  return { id, label, width, height, colorNames, builtIn, palette: profile.palette.map(toHex) };
}

/** The admin contract, implemented once over the stores and services. */
export function createAdminApi(core: AdminDeps): AdminApi {
  const pairingWindow = async (): Promise<PairingWindowDto> => {
    const until = await core.pairing.pairingWindowUntil();
    return { open: until !== null, until: until?.toISOString() ?? null };
  };

  return {
    ...displayOperations(core),
    ...frameInstallOperations(core),
    ...panelImagePreviewOperations(core),
    ...integrationOperations(core),
    ...uiOperations(core),
    ...screenOperations({ screens: core.screens, profiles: core.profiles, lanBase: () => lanHttpBase(core.listeners.current()?.http ?? null) }),
    ...mashupPlaylistOperations(core.screens, (mode, id) => core.displays.namesShowing(mode, id)),
    async 'profiles.list'() {
      return [...BUILTIN_PROFILES, ...(await core.profiles.listCustom())].map(profileDto);
    },
    async 'profiles.saveCustom'({ profile }) {
      return profileDto(await core.profiles.saveCustom(profile));
    },
    'pairing.get': pairingWindow,
    async 'pairing.open'({ minutes }) {
      const duration = parseInput(z.number().int().min(1).max(60).default(10), minutes, 'minutes');
      await core.pairing.openPairingWindow(duration * 60_000);
      return pairingWindow();
    },
    async 'pairing.close'() {
      await core.pairing.closePairingWindow();
      return pairingWindow();
    },
    async 'displays.refreshAll'() {
      // Screens fetch their data first, so every display draws what their sources say now.
      await core.screens.data.refreshAll();
      return { refreshed: await core.displayContent.refreshAll() };
    },
    async 'displays.nextPhotoEverywhere'() {
      return { refreshed: await core.actions.forEachApproved({ action: 'next' }) };
    },
    async 'displays.dashboardEverywhere'({ minutes }) {
      const duration = parseInput(z.number().int().min(1).max(24 * 60).default(DASHBOARD_EVERYWHERE_MINUTES), minutes, 'minutes');
      return { refreshed: await core.actions.forEachApproved({ action: 'override', mode: 'dashboard', minutes: duration }) };
    },
    async 'displays.showEverywhere'(args) {
      const { mode, itemId, minutes } = parseInput(z.object({
        mode: z.enum(ITEM_MODES),
        itemId: z.coerce.number().int().positive(),
        minutes: z.number().int().min(1).max(24 * 60).default(DASHBOARD_EVERYWHERE_MINUTES),
      }), args);
      await itemForMode(core.screens, mode, itemId);
      return { refreshed: await core.actions.forEachApproved({ action: 'override', mode, minutes, itemId }) };
    },
    async 'settings.list'() {
      return core.settings.list();
    },
    async 'settings.set'({ key, value }) {
      await core.settings.set(parseInput(z.string(), key, 'key'), parseInput(z.string().max(2000), value, 'value'));
      return core.settings.list();
    },
    async 'jobs.list'() {
      return core.jobs.list();
    },
    async 'jobs.run'({ name, params }) {
      return core.jobs.runNow(parseInput(z.string(), name, 'name'), params);
    },
    async 'jobs.update'({ name, patch }) {
      return core.jobs.update(parseInput(z.string(), name, 'name'), patch);
    },
    async 'jobs.executions'({ name }) {
      return core.jobs.executions(name);
    },
    async 'jobs.logs'({ executionId, afterSeq }) {
      return core.jobs.logs(parseInput(z.coerce.number().int().positive(), executionId, 'executionId'), afterSeq === undefined ? undefined : parseInput(z.coerce.number().int().min(0), afterSeq, 'afterSeq'));
    },
  };
}

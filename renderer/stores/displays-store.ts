import { create } from 'zustand';
import type { DisplayDto, DisplayLogDto, DisplayPatch, PairingWindowDto, PanelProfileDto, WeeklyRuleInput } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { dataUrl } from '../lib/data-url.ts';
import { attempt } from './server-errors.ts';
import { useToasts } from './toast-store.ts';

/** The panel image a display shows now. */
export interface PanelImage {
  version: string;
  mode: string;
  /** data: URL of the device PNG: it is in the panel's own palette, so it shows the panel's colours. */
  src: string;
}

interface DisplaysState {
  displays: DisplayDto[];
  loaded: boolean;
  profiles: PanelProfileDto[];
  panelImages: Record<number, PanelImage>;
  pairing: PairingWindowDto;
  load(): Promise<void>;
  /** Fetches a display's panel image, unless `version` is the one already shown. */
  loadPanelImage(id: number, version?: string): Promise<void>;
  loadPairing(): Promise<void>;
  approve(id: number): Promise<void>;
  revoke(id: number): Promise<void>;
  remove(id: number): Promise<void>;
  update(id: number, patch: DisplayPatch): Promise<boolean>;
  setRules(id: number, rules: WeeklyRuleInput[]): Promise<boolean>;
  setOverride(id: number, mode: string, minutes: number): Promise<void>;
  clearOverride(id: number): Promise<void>;
  showMessage(id: number, text: string, minutes: number): Promise<boolean>;
  next(id: number): Promise<void>;
  /** The device's own log, newest first; undefined when it could not be read. */
  logs(id: number): Promise<DisplayLogDto[] | undefined>;
  /** Returns the new access token when one was made (shown once), else null. */
  requireToken(id: number, required: boolean): Promise<string | null>;
  resetDevice(id: number, reset: boolean): Promise<void>;
  openPairing(minutes?: number): Promise<void>;
  closePairing(): Promise<void>;
}

export const useDisplays = create<DisplaysState>()((set, get) => {
  /** Puts an operation's answer in place of the old copy, so the UI does not wait for the event. */
  const replace = (display: DisplayDto | undefined) => {
    if (display) set((s) => ({ displays: s.displays.map((d) => (d.id === display.id ? display : d)) }));
    return display !== undefined;
  };

  return {
    displays: [],
    loaded: false,
    profiles: [],
    panelImages: {},
    pairing: { open: false, until: null },

    load: coalesced(async () => {
      const [displays, profiles] = await Promise.all([
        attempt(() => client().call('displays.list', {})),
        get().profiles.length ? Promise.resolve(get().profiles) : attempt(() => client().call('profiles.list', {})),
      ]);
      if (!displays) return;
      set({ displays, loaded: true, profiles: profiles ?? [] });
      const shown = get().panelImages;
      await Promise.all(displays.filter((d) => d.status === 'approved' && !shown[d.id]).map((d) => get().loadPanelImage(d.id)));
    }),

    async loadPanelImage(id, version) {
      if (version && get().panelImages[id]?.version === version) return;
      const image = await attempt(() => client().call('displays.preview', { id }));
      if (!image) return;
      set((s) => ({ panelImages: { ...s.panelImages, [id]: { version: image.version, mode: image.mode, src: dataUrl(image.image.mime, image.image.dataBase64) } } }));
    },

    loadPairing: coalesced(async () => {
      const pairing = await attempt(() => client().call('pairing.get', {}));
      if (pairing) set({ pairing });
    }),

    async approve(id) {
      if (replace(await attempt(() => client().call('displays.approve', { id })))) await get().loadPanelImage(id);
    },
    async revoke(id) {
      replace(await attempt(() => client().call('displays.revoke', { id })));
    },
    async remove(id) {
      if (await attempt(() => client().call('displays.delete', { id }))) set((s) => ({ displays: s.displays.filter((d) => d.id !== id) }));
    },
    async update(id, patch) {
      return replace(await attempt(() => client().call('displays.update', { id, patch })));
    },
    async setRules(id, rules) {
      return replace(await attempt(() => client().call('displays.setRules', { id, rules })));
    },
    async setOverride(id, mode, minutes) {
      replace(await attempt(() => client().call('displays.setOverride', { id, mode, minutes })));
    },
    async clearOverride(id) {
      replace(await attempt(() => client().call('displays.clearOverride', { id })));
    },
    async showMessage(id, text, minutes) {
      return replace(await attempt(() => client().call('displays.showMessage', { id, text, minutes })));
    },
    async next(id) {
      replace(await attempt(() => client().call('displays.next', { id })));
    },
    logs(id) {
      return attempt(() => client().call('displays.logs', { id }));
    },
    async requireToken(id, required) {
      const result = await attempt(() => client().call('displays.requireToken', { id, required }));
      replace(result?.display);
      return result?.token ?? null;
    },
    async resetDevice(id, reset) {
      replace(await attempt(() => client().call('displays.resetDevice', { id, reset })));
    },
    async openPairing(minutes = 10) {
      const pairing = await attempt(() => client().call('pairing.open', { minutes }));
      if (pairing) set({ pairing });
      if (pairing) useToasts.getState().show(`New displays are approved at once for ${minutes} minutes`);
    },
    async closePairing() {
      const pairing = await attempt(() => client().call('pairing.close', {}));
      if (pairing) set({ pairing });
    },
  };
});

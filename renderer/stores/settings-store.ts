import { create } from 'zustand';
import type { ProviderTestDto, SettingDto, SystemInfoDto, AiProviderName } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { attempt, useToasts } from './toast-store.ts';

interface SettingsState {
  settings: Record<string, SettingDto>;
  system: SystemInfoDto | null;
  loaded: boolean;
  providerTests: Partial<Record<AiProviderName, ProviderTestDto | 'running'>>;
  load(): Promise<void>;
  /** Saves one setting; answers the server's message when it refused the value, else null. */
  save(key: string, value: string): Promise<string | null>;
  testProvider(provider: AiProviderName): Promise<void>;
}

const byKey = (list: SettingDto[]) => Object.fromEntries(list.map((s) => [s.key, s]));

export const useSettings = create<SettingsState>()((set) => ({
  settings: {},
  system: null,
  loaded: false,
  providerTests: {},

  async load() {
    const [list, system] = await Promise.all([attempt(() => client().call('settings.list', {})), attempt(() => client().call('system.info', {}))]);
    if (list) set({ settings: byKey(list), loaded: true });
    if (system) set({ system });
  },
  async save(key, value) {
    try {
      set({ settings: byKey(await client().call('settings.set', { key, value })) });
      return null;
    } catch (error) {
      useToasts.getState().fail(error);
      return error instanceof Error ? error.message : String(error);
    }
  },
  async testProvider(provider) {
    set((s) => ({ providerTests: { ...s.providerTests, [provider]: 'running' } }));
    const result = await client().call('providers.test', { provider }).catch((error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }));
    set((s) => ({ providerTests: { ...s.providerTests, [provider]: result } }));
  },
}));

import { create } from 'zustand';
import type { IntegrationKeyDto, NodeDto, ProviderTestDto, SettingDto, SystemInfoDto, AiProviderName } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { attempt, tryCall } from './server-errors.ts';

interface SettingsState {
  settings: Record<string, SettingDto>;
  system: SystemInfoDto | null;
  /** The nodes serving the database (one on SQLite), as of the last `loadNodes`. */
  nodes: NodeDto[] | null;
  loaded: boolean;
  providerTests: Partial<Record<AiProviderName, ProviderTestDto | 'running'>>;
  /** The read-only integration key; `key` only right after it was made. */
  integrationKey: IntegrationKeyDto | null;
  /** The control key (messages, overrides, next, refresh); `key` only right after it was made. */
  controlKey: IntegrationKeyDto | null;
  load(): Promise<void>;
  /** Reads the node list again: heartbeats change every few seconds and send no event. */
  loadNodes(): Promise<void>;
  /** Saves one setting; answers the server's message when it refused the value, else null. */
  save(key: string, value: string): Promise<string | null>;
  testProvider(provider: AiProviderName): Promise<void>;
  createIntegrationKey(): Promise<void>;
  revokeIntegrationKey(): Promise<void>;
  createControlKey(): Promise<void>;
  revokeControlKey(): Promise<void>;
}

const byKey = (list: SettingDto[]) => Object.fromEntries(list.map((s) => [s.key, s]));

export const useSettings = create<SettingsState>()((set) => ({
  settings: {},
  system: null,
  nodes: null,
  loaded: false,
  providerTests: {},
  integrationKey: null,
  controlKey: null,

  load: coalesced(async () => {
    const [list, system, integrationKey, controlKey] = await Promise.all([
      attempt(() => client().call('settings.list', {})),
      attempt(() => client().call('system.info', {})),
      attempt(() => client().call('integrations.getKey', {})),
      attempt(() => client().call('integrations.getControlKey', {})),
    ]);
    if (list) set({ settings: byKey(list), loaded: true });
    if (system) set({ system });
    // A key just made stays on screen until the user leaves; a reload only says whether one exists.
    if (integrationKey) set((s) => ({ integrationKey: s.integrationKey?.key && integrationKey.createdAt === s.integrationKey.createdAt ? s.integrationKey : integrationKey }));
    if (controlKey) set((s) => ({ controlKey: s.controlKey?.key && controlKey.createdAt === s.controlKey.createdAt ? s.controlKey : controlKey }));
  }),
  async loadNodes() {
    const nodes = await attempt(() => client().call('nodes.list', {}));
    if (nodes) set({ nodes });
  },
  async createControlKey() {
    const controlKey = await attempt(() => client().call('integrations.createControlKey', {}));
    if (controlKey) set({ controlKey });
  },
  async revokeControlKey() {
    const controlKey = await attempt(() => client().call('integrations.revokeControlKey', {}));
    if (controlKey) set({ controlKey });
  },
  async createIntegrationKey() {
    const integrationKey = await attempt(() => client().call('integrations.createKey', {}));
    if (integrationKey) set({ integrationKey });
  },
  async revokeIntegrationKey() {
    const integrationKey = await attempt(() => client().call('integrations.revokeKey', {}));
    if (integrationKey) set({ integrationKey });
  },
  async save(key, value) {
    const saved = await tryCall(() => client().call('settings.set', { key, value }));
    if (!saved.ok) return saved.message;
    set({ settings: byKey(saved.value) });
    return null;
  },
  async testProvider(provider) {
    set((s) => ({ providerTests: { ...s.providerTests, [provider]: 'running' } }));
    const tested = await tryCall(() => client().call('providers.test', { provider }));
    const result = tested.ok ? tested.value : { ok: false, message: tested.message };
    set((s) => ({ providerTests: { ...s.providerTests, [provider]: result } }));
  },
}));

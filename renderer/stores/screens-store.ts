import { create } from 'zustand';
import type { BuiltinPluginDto, FieldValue, MashupDto, MashupInput, PlaylistDto, PlaylistInput, ScreenDto, ScreenPatch, ScreenPreviewArgs, ScreenPreviewDto } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { attempt, tryCall } from './server-errors.ts';

interface ScreensState {
  screens: ScreenDto[];
  mashups: MashupDto[];
  playlists: PlaylistDto[];
  builtins: BuiltinPluginDto[];
  load(): Promise<void>;
  addBuiltin(builtinId: string): Promise<ScreenDto | undefined>;
  /** A recipe ZIP chosen by the user; the error message for the dialog, or null when it was added. */
  importZip(file: File, values?: Record<string, FieldValue>): Promise<string | null>;
  update(id: number, patch: ScreenPatch): Promise<string | null>;
  refresh(id: number): Promise<void>;
  remove(id: number): Promise<void>;
  exportZip(id: number): Promise<void>;
  preview(args: ScreenPreviewArgs): Promise<ScreenPreviewDto | undefined>;
  saveMashup(mashup: MashupInput, id?: number): Promise<string | null>;
  removeMashup(id: number): Promise<void>;
  savePlaylist(playlist: PlaylistInput, id?: number): Promise<string | null>;
  removePlaylist(id: number): Promise<void>;
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Screens, mashups and playlists, and the built-in plugins one can add. */
export const useScreens = create<ScreensState>()((set, get) => ({
  screens: [],
  mashups: [],
  playlists: [],
  builtins: [],

  load: coalesced(async () => {
    const [screens, mashups, playlists, builtins] = await Promise.all([
      attempt(() => client().call('screens.list', {})),
      attempt(() => client().call('mashups.list', {})),
      attempt(() => client().call('playlists.list', {})),
      attempt(() => client().call('screens.builtins', {})),
    ]);
    set({ ...(screens ? { screens } : {}), ...(mashups ? { mashups } : {}), ...(playlists ? { playlists } : {}), ...(builtins ? { builtins } : {}) });
  }),
  async addBuiltin(builtinId) {
    const screen = await attempt(() => client().call('screens.addBuiltin', { builtinId }));
    if (screen) await get().load();
    return screen;
  },
  async importZip(file, values) {
    const dataBase64 = await base64Of(file);
    const outcome = await tryCall(() => client().call('screens.import', { fileName: file.name, dataBase64, values }));
    if (!outcome.ok) return outcome.message;
    await get().load();
    return null;
  },
  async update(id, patch) {
    const outcome = await tryCall(() => client().call('screens.update', { id, patch }));
    if (!outcome.ok) return outcome.message;
    const screen = outcome.value;
    set((s) => ({ screens: s.screens.map((x) => (x.id === id ? screen : x)) }));
    return null;
  },
  async refresh(id) {
    const screen = await attempt(() => client().call('screens.refresh', { id }));
    if (screen) set((s) => ({ screens: s.screens.map((x) => (x.id === id ? screen : x)) }));
  },
  async remove(id) {
    if (await attempt(() => client().call('screens.delete', { id }))) set((s) => ({ screens: s.screens.filter((x) => x.id !== id) }));
  },
  async exportZip(id) {
    const zip = await attempt(() => client().call('screens.export', { id }));
    if (!zip) return;
    const link = document.createElement('a');
    link.href = `data:application/zip;base64,${zip.dataBase64}`;
    link.download = zip.fileName;
    link.click();
  },
  async preview(args) {
    return attempt(() => client().call('screens.preview', args));
  },
  async saveMashup(mashup, id) {
    const outcome = await tryCall(() => (id === undefined ? client().call('mashups.create', { mashup }) : client().call('mashups.update', { id, mashup })));
    if (!outcome.ok) return outcome.message;
    await get().load();
    return null;
  },
  async removeMashup(id) {
    if (await attempt(() => client().call('mashups.delete', { id }))) set((s) => ({ mashups: s.mashups.filter((m) => m.id !== id) }));
  },
  async savePlaylist(playlist, id) {
    const outcome = await tryCall(() => (id === undefined ? client().call('playlists.create', { playlist }) : client().call('playlists.update', { id, playlist })));
    if (!outcome.ok) return outcome.message;
    await get().load();
    return null;
  },
  async removePlaylist(id) {
    if (await attempt(() => client().call('playlists.delete', { id }))) set((s) => ({ playlists: s.playlists.filter((p) => p.id !== id) }));
  },
}));

import { create } from 'zustand';
import type { CalendarDto, LocationDto, WeatherSummaryDto } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { coalesced } from '../lib/coalesce.ts';
import { dataUrl } from '../lib/data-url.ts';
import { attempt, tryCall } from './server-errors.ts';

interface DashboardState {
  weather: WeatherSummaryDto | null;
  calendars: CalendarDto[];
  /** display id → data: URL of its dashboard as the panel would show it. */
  previews: Record<number, string>;
  load(): Promise<void>;
  searchLocations(query: string): Promise<LocationDto[]>;
  addCalendar(name: string, url: string): Promise<string | null>;
  setCalendarEnabled(id: number, enabled: boolean): Promise<void>;
  removeCalendar(id: number): Promise<void>;
  loadPreview(displayId: number): Promise<void>;
  /** Draws again the previews already shown (their data changed). */
  refreshPreviews(): Promise<void>;
}

export const useDashboard = create<DashboardState>()((set, get) => ({
  weather: null,
  calendars: [],
  previews: {},

  load: coalesced(async () => {
    const [weather, calendars] = await Promise.all([attempt(() => client().call('weather.current', {})), attempt(() => client().call('calendars.list', {}))]);
    set({ ...(weather !== undefined ? { weather } : {}), ...(calendars ? { calendars } : {}) });
  }),
  async searchLocations(query) {
    return (await attempt(() => client().call('weather.searchLocations', { query }))) ?? [];
  },
  async addCalendar(name, url) {
    const added = await tryCall(() => client().call('calendars.add', { name, url }));
    if (!added.ok) return added.message;
    set((s) => ({ calendars: [...s.calendars, added.value] }));
    return null;
  },
  async setCalendarEnabled(id, enabled) {
    const calendar = await attempt(() => client().call('calendars.update', { id, enabled }));
    if (calendar) set((s) => ({ calendars: s.calendars.map((c) => (c.id === id ? calendar : c)) }));
  },
  async removeCalendar(id) {
    if (await attempt(() => client().call('calendars.remove', { id }))) set((s) => ({ calendars: s.calendars.filter((c) => c.id !== id) }));
  },
  async loadPreview(displayId) {
    const preview = await attempt(() => client().call('dashboard.preview', { displayId }));
    if (preview) set((s) => ({ previews: { ...s.previews, [displayId]: dataUrl(preview.mime, preview.dataBase64) } }));
  },
  async refreshPreviews() {
    await Promise.all(Object.keys(get().previews).map((id) => get().loadPreview(Number(id))));
  },
}));

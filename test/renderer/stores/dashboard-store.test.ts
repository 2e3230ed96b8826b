import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarDto, WeatherSummaryDto } from '../../../contract/admin.ts';
import { useDashboard } from '../../../renderer/stores/dashboard-store.ts';
import { useToasts } from '../../../renderer/stores/toast-store.ts';
import { refused, resetStore, useFakeClient } from '../fake-client.ts';

const calendar = (id: number, name: string) => ({ id, name, url: `https://cal.example/${id}.ics`, enabled: true, color: '#000' }) as CalendarDto;
const weather = { locationName: 'Berlin', fetchedAt: '2026-05-01T12:00:00Z', temperatureC: 12, days: [] } as unknown as WeatherSummaryDto;

describe('dashboard store', () => {
  beforeEach(() => {
    resetStore(useDashboard);
    resetStore(useToasts);
  });

  it('loads the weather and the calendars together', async () => {
    useFakeClient({ 'weather.current': () => weather, 'calendars.list': () => [calendar(1, 'Family')] });
    await useDashboard.getState().load();
    expect(useDashboard.getState()).toMatchObject({ weather, calendars: [calendar(1, 'Family')] });
  });

  it('a refused calendar answers the server’s message and adds nothing; an accepted one is listed', async () => {
    useFakeClient({ 'calendars.add': ({ url }) => (url.startsWith('https:') ? calendar(2, 'Club') : refused('url: not a URL')) });
    expect(await useDashboard.getState().addCalendar('Club', 'club calendar')).toBe('url: not a URL');
    expect(useDashboard.getState().calendars).toEqual([]);
    expect(useToasts.getState().toasts).toEqual([]);
    expect(await useDashboard.getState().addCalendar('Club', 'https://cal.example/2.ics')).toBeNull();
    expect(useDashboard.getState().calendars.map((c) => c.name)).toEqual(['Club']);
  });

  it('switches a calendar off in place and removes one', async () => {
    useDashboard.setState({ calendars: [calendar(1, 'Family'), calendar(2, 'Club')] });
    useFakeClient({ 'calendars.update': ({ id, enabled }) => ({ ...calendar(id, 'Family'), enabled: enabled! }), 'calendars.remove': () => ({ deleted: true }) });
    await useDashboard.getState().setCalendarEnabled(1, false);
    await useDashboard.getState().removeCalendar(2);
    expect(useDashboard.getState().calendars.map((c) => [c.name, c.enabled])).toEqual([['Family', false]]);
  });

  it('draws again only the previews already shown, as PNG data URLs', async () => {
    let drawn = 0;
    const { call } = useFakeClient({ 'dashboard.preview': ({ displayId }) => ({ pngBase64: `png-${displayId}-${++drawn}` }) });
    await useDashboard.getState().loadPreview(4);
    await useDashboard.getState().refreshPreviews();
    expect(useDashboard.getState().previews).toEqual({ 4: 'data:image/png;base64,png-4-2' });
    expect(call.mock.calls.map(([, args]) => args)).toEqual([{ displayId: 4 }, { displayId: 4 }]);
  });
});

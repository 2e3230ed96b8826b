import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { CalendarStore } from '../../main/calendar/calendar-store.ts';
import { AppEvents } from '../../main/core/events.ts';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { SettingsStore } from '../../main/settings/settings-store.ts';
import { WeatherStore } from '../../main/weather/store.ts';
import type { ScreenMarkup } from '../../main/screens/markup-port.ts';
import { RecipeAdapter } from '../../main/screens/recipe-adapter.ts';
import type { ScreensFeature } from '../../main/screens/screens-feature.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { screensOver } from '../helpers/screens.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';

const htmlOnly: ScreenMarkup = { draw: async (html) => Buffer.from(html), drawnBy: () => ({ engine: 'server', reason: 'drawn by Inkstand' }) };

/** Friday 2025-03-14 08:30 UTC: 21:30 that Friday in Auckland, 00:30 that Friday in Los Angeles. */
const NOW = new Date('2025-03-14T08:30:00Z');
const AUCKLAND = 'Pacific/Auckland';
const LOS_ANGELES = 'America/Los_Angeles';
const request = (timeZone: string, at = NOW) => ({ target: { profile: { width: 800, height: 480 } as never, rotation: 0 as const }, at, timeZone });

/**
 * One screen shows on displays in different zones: its data is fetched once (in the app's zone),
 * and every time of day on it is worked out when it is drawn, in the display's zone.
 */
describe.each(testDatabases('built-in screens in the display\'s time zone'))('built-in screens in the display\'s time zone (%s)', (database) => {
  const databaseSettings = useTestDatabase(database);
  let db: DataSource;
  let screens: ScreensFeature;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    // The point of the test: neither display is in the zone the process (and so every fetch) runs in.
    expect([AUCKLAND, LOS_ANGELES]).not.toContain(Intl.DateTimeFormat().resolvedOptions().timeZone);
    const dataDir = tempDataDir();
    db = await openDatabase(dataDir, { databaseUrl: databaseSettings().databaseUrl });
    const events = new AppEvents();
    const weather = new WeatherStore({ db, events });
    const settings = new SettingsStore(db, fileKeyCipher(dataDir), events, {});
    const calendars = new CalendarStore({ db, events });
    screens = screensOver(db, { dataDir, events, log: pino({ level: 'silent' }), now: () => NOW, recipes: new RecipeAdapter(), markup: htmlOnly, builtinSources: { weather, settings, calendars } });
    await settings.set('weather.latitude', '53.55');
    await settings.set('weather.longitude', '9.99');
    await weather.save({ provider: 'open-meteo', locationName: 'Hamburg', latitude: 53.55, longitude: 9.99, timeZone: 'Europe/Berlin', observedAt: NOW,
      current: { temperatureC: 7.4, weatherCode: 3 }, days: [{ date: '2025-03-14', weatherCode: 3, minC: 2, maxC: 9 }, { date: '2025-03-15', weatherCode: 61, minC: 3, maxC: 8 }] }, new Date('2025-03-14T08:00:00Z'));
    const family = await calendars.add({ name: 'Family', url: 'https://calendar.example.org/family.ics' }, NOW);
    await calendars.replaceOccurrences(family.id, [
      { uid: 'dentist', recurrenceId: null, start: new Date('2025-03-14T14:30:00Z'), end: new Date('2025-03-14T15:00:00Z'), allDay: false, summary: 'Dentist', location: null, sourceTimeZone: null },
    ], NOW);
    const given: Record<string, Record<string, string>> = { clock: {}, progress: {}, countdown: { label: 'Holiday', date: '2025-03-15' }, agenda: { days: '3' }, weather: { days: '2' } };
    for (const [id, values] of Object.entries(given)) ids[id] = (await screens.library.addBuiltin(id, { values })).id;
  });
  afterAll(() => db.destroy());

  const page = async (id: number, timeZone: string, at?: Date) => (await screens.drawing.page({ kind: 'screen', id }, request(timeZone, at))).html;

  it('the clock shows the display\'s wall time and date, at the moment drawn', async () => {
    expect(await page(ids.clock, AUCKLAND)).toMatch(/21:30[\s\S]*Friday[\s\S]*March 14, 2025[\s\S]*Pacific\/Auckland/);
    expect(await page(ids.clock, LOS_ANGELES)).toMatch(/01:30[\s\S]*Friday[\s\S]*March 14, 2025/);
    // A preview "at" tomorrow morning draws tomorrow morning, not the time of the last fetch.
    expect(await page(ids.clock, AUCKLAND, new Date('2025-03-14T19:05:00Z'))).toMatch(/08:05[\s\S]*Saturday/);
  });

  it('day counts and progress follow the display\'s day', async () => {
    expect(await page(ids.countdown, AUCKLAND)).toMatch(/>1<[\s\S]*day[\s\S]*to go/);
    expect(await page(ids.countdown, AUCKLAND, new Date('2025-03-14T12:00:00Z'))).toContain('Today');
    expect(await page(ids.progress, AUCKLAND)).toContain('21:30');
    expect(await page(ids.progress, LOS_ANGELES)).toContain('01:30');
  });

  it('the agenda groups events by the display\'s day and shows its times', async () => {
    const auckland = await page(ids.agenda, AUCKLAND);
    expect(auckland).toContain('Tomorrow · Sat, Mar 15');
    expect(auckland).toContain('03:30');
    const losAngeles = await page(ids.agenda, LOS_ANGELES);
    expect(losAngeles).toContain('Today · Fri, Mar 14');
    expect(losAngeles).toContain('07:30');
  });

  it('the weather says when it was fetched in the display\'s time', async () => {
    expect(await page(ids.weather, AUCKLAND)).toContain('updated 21:00');
    expect(await page(ids.weather, LOS_ANGELES)).toContain('updated 01:00');
  });

  it('in a mashup each screen is drawn in the display\'s zone too', async () => {
    const mashup = await screens.mashups.create({ name: 'Morning', layout: '2x2', screenIds: [ids.clock, ids.agenda, ids.weather, ids.progress] });
    const html = (await screens.drawing.page({ kind: 'mashup', id: mashup.id }, request(AUCKLAND))).html;
    expect(html).toContain('21:30');
    expect(html).toContain('03:30');
  });
});

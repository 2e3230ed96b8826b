import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { CalendarStore } from '../../main/calendar/calendar-store.ts';
import { AppEvents } from '../../main/core/events.ts';
import { setMarkupBrowser } from '../../main/markup/index.ts';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { SettingsStore } from '../../main/settings/settings-store.ts';
import { WeatherStore } from '../../main/weather/store.ts';
import { listBuiltins } from '../../main/screens/builtin-plugins.ts';
import { ScreenInputError, ScreenInUseError } from '../../main/screens/errors.ts';
import type { ScreenMarkup } from '../../main/screens/markup-port.ts';
import { RecipeAdapter } from '../../main/screens/recipe-adapter.ts';
import { appDrawContext } from '../../main/screens/screen-data.ts';
import type { ScreensFeature } from '../../main/screens/screens-feature.ts';
import { writeZip } from '../../main/recipes/zip-archive.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { RECIPE_FIXTURES_DIR } from '../helpers/recipe-fixtures.ts';
import { fixtureZip, screensOver } from '../helpers/screens.ts';
import { tempDataDir } from '../helpers/test-server.ts';
import { testDatabases, useFreshDatabases } from '../helpers/test-databases.ts';

/** Pages are checked as HTML here; drawing them is the markup drawing's (test/markup/) and the integration tests'. */
const htmlOnly: ScreenMarkup = {
  draw: async (html) => Buffer.from(html),
  drawnBy: (needsScript) => ({ engine: needsScript ? 'card' : 'server', reason: needsScript ? 'needs a browser' : 'drawn by Inkstand' }),
};

describe.each(testDatabases('screens: import, values, data, removal'))('screens: import, values, data, removal (%s)', (database) => {
  const freshDatabase = useFreshDatabases(database);
  let db: DataSource;
  let dataDir: string;
  let screens: ScreensFeature;
  let weather: WeatherStore;
  let settings: SettingsStore;
  const events = new AppEvents();
  const seen: string[] = [];
  events.on('screens-changed', ({ kind, id }) => seen.push(`${kind}:${id}`));
  const folderEntries = () => fs.readdirSync(path.join(dataDir, 'screens'));

  beforeEach(async () => {
    dataDir = tempDataDir();
    db = await openDatabase(dataDir, { databaseUrl: await freshDatabase() });
    weather = new WeatherStore({ db, events });
    settings = new SettingsStore(db, fileKeyCipher(dataDir), events, {});
    screens = screensOver(db, { dataDir, events, log: pino({ level: 'silent' }), now: () => new Date('2025-03-14T08:30:00Z'), recipes: new RecipeAdapter(), markup: htmlOnly, builtinSources: { weather, settings, calendars: new CalendarStore({ db, events }) } });
  });
  afterEach(() => db.destroy());

  it('imports a recipe ZIP into its own folder, with its values checked, and announces it', async () => {
    const screen = await screens.library.importRecipe(await fixtureZip('garden-sensors'), { name: 'Greenhouse' });
    expect(screen).toMatchObject({ name: 'Greenhouse', strategy: 'webhook', builtinId: null });
    expect(folderEntries()).toEqual([screen.uuid]);
    expect(fs.readdirSync(path.join(dataDir, 'screens', screen.uuid))).toContain('settings.yml');
    expect(seen).toContain(`screen:${screen.id}`);
  });

  it('refuses unsafe or broken recipes with a clear error and leaves no folder and no row', async () => {
    const unsafe = writeZip(new Map([['../escape.liquid', 'x'], ['settings.yml', 'name: x\nstrategy: static\n'], ['full.liquid', 'hi']]));
    const badYaml = writeZip(new Map([['settings.yml', 'name: [unclosed\n'], ['full.liquid', 'hi']]));
    const badLiquid = writeZip(new Map([['settings.yml', 'name: x\nstrategy: static\n'], ['full.liquid', '{% if %}']]));
    for (const zip of [unsafe, badYaml, badLiquid, Buffer.from('not a zip')]) {
      await expect(screens.library.importRecipe(zip)).rejects.toBeInstanceOf(ScreenInputError);
    }
    await expect(screens.library.importRecipe(path.join(RECIPE_FIXTURES_DIR, 'bus-departures'), { words: ['colour=red'] })).rejects.toThrow(/colour/);
    expect(folderEntries()).toEqual([]);
    expect(await screens.store.list()).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'escape.liquid'))).toBe(false);
  });

  it('takes KEY=VALUE words for fields, refresh and polling URL, and refuses what the recipe cannot take', async () => {
    const screen = await screens.library.importRecipe(path.join(RECIPE_FIXTURES_DIR, 'bus-departures'), { words: ['stop_id=12', 'max_rows=3'] });
    expect(screen.fieldValues).toEqual({ stop_id: '12', max_rows: '3' });
    const changed = await screens.library.updateFromWords(screen.id, ['refresh=15', 'stop_id=99', 'polling_url=https://example.net/{{ stop_id }}']);
    expect(changed).toMatchObject({ refreshMinutes: 15, pollingUrl: 'https://example.net/{{ stop_id }}', fieldValues: { stop_id: '99', max_rows: '3' } });
    await expect(screens.library.updateFromWords(screen.id, ['refresh=0'])).rejects.toThrow(/whole minutes/);
    await expect(screens.library.update(screen.id, { fieldValues: { nope: 'x' } })).rejects.toThrow(/nope/);
    expect((await screens.store.get(screen.id)).fieldValues).toEqual({ stop_id: '99', max_rows: '3' });
  });

  it('keeps the last good data and records the error on the screen when a fetch fails', async () => {
    const screen = await screens.library.importRecipe(path.join(RECIPE_FIXTURES_DIR, 'bus-departures'), { words: ['server_url=http://127.0.0.1:9'] });
    await screens.store.saveData(screen.id, { departures: [{ line: 'N7' }] });
    const failed = await screens.data.refresh(screen.id);
    expect(failed.error).toMatch(/./);
    expect(failed.screen.data).toEqual({ departures: [{ line: 'N7' }] });
    expect(failed.screen.lastError).toBe(failed.error);
  });

  it('survives a 50 MB answer and a redirect loop: each an error on the screen, the last good data kept', async () => {
    const server = http.createServer((req, res) => {
      if (req.url!.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${Math.random()}` }).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 32);
      let sent = 0;
      const more = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', more);
      };
      res.on('error', () => undefined);
      more();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const screen = await screens.library.importRecipe(path.join(RECIPE_FIXTURES_DIR, 'bus-departures'), { words: [`server_url=${base}`] });
      await screens.store.saveData(screen.id, { kept: true });
      const big = await screens.data.refresh(screen.id);
      expect(big.error).toMatch(/large|bytes|MB/i);
      await screens.library.updateFromWords(screen.id, [`polling_url=${base}/loop`]);
      const loop = await screens.data.refresh(screen.id);
      expect(loop.error).toMatch(/redirect/i);
      expect(loop.screen.data).toEqual({ kept: true });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('keeps Ruby floats as floats in the stored data', async () => {
    const screen = await screens.library.importRecipe(await fixtureZip('garden-sensors'));
    await screens.data.push(screen.uuid, Buffer.from('{"merge_variables": {"t": 12.0, "n": 3}}'));
    const row = await db.createQueryBuilder().select('data').from('screens', 'screens').where('id = :id', { id: screen.id }).getRawOne();
    expect(row.data.replace(/\s/g, '')).toBe('{"t":12.0,"n":3}');
    const html = await screens.drawing.page({ kind: 'screen', id: screen.id }, { target: { profile: { width: 800, height: 480 } as never, rotation: 0 }, at: new Date(), timeZone: 'UTC' });
    expect(html.html).toContain('class="screen');
  });

  it('will not delete a screen a mashup uses, and removes an unused one with its folder', async () => {
    const a = await screens.library.importRecipe(await fixtureZip('garden-sensors'));
    const b = await screens.library.importRecipe(await fixtureZip('packing-list'));
    const mashup = await screens.mashups.create({ name: 'm', layout: '1Lx1R', screenIds: [a.id, b.id] });
    await expect(screens.library.delete(a.id)).rejects.toBeInstanceOf(ScreenInUseError);
    await screens.mashups.delete(mashup.id);
    await screens.library.delete(a.id);
    expect(folderEntries()).toEqual([b.uuid]);
  });

  it('offers the built-in screens with fields from their settings, checks the values, and draws them from their loaders’ data', async () => {
    expect(listBuiltins().map((b) => b.id)).toEqual(expect.arrayContaining(['clock', 'countdown', 'text']));
    const given: Record<string, Record<string, string>> = { countdown: { label: 'Summer holiday', date: '2025-07-01' }, clock: {}, text: { text: 'Make yourself at home.' } };
    const expected: Record<string, string[]> = { countdown: ['109', 'days', 'Summer holiday'], clock: ['Friday'], text: ['Make yourself at home.'] };
    for (const [id, strings] of Object.entries(expected)) {
      const screen = await screens.library.addBuiltin(id, { values: given[id] });
      expect(screen.builtinId).toBe(id);
      const { html } = await screens.drawing.page({ kind: 'screen', id: screen.id }, { target: { profile: { width: 800, height: 480 } as never, rotation: 0 }, at: new Date('2025-03-14T08:30:00Z'), timeZone: 'Europe/Berlin' });
      for (const text of strings) expect(html, id).toContain(text);
    }
    await expect(screens.library.addBuiltin('../etc')).rejects.toBeInstanceOf(ScreenInputError);
    await expect(screens.library.addBuiltin('countdown', { values: { label: 'x', date: 'soon' } })).rejects.toThrow(/date/);
    const countdown = (await screens.store.list()).find((s) => s.builtinId === 'countdown')!;
    expect((await screens.library.recipe(countdown)).fields.map((f) => [f.keyname, f.fieldType])).toEqual([['label', 'string'], ['date', 'date']]);
  });

  it('shows a built-in\'s placeholder when its first fetch fails (a web page screen with no browser says it needs one), the error on its entry', async () => {
    await setMarkupBrowser(null);
    const screen = await screens.library.addBuiltin('web-page', { values: { url: 'http://127.0.0.1:9/dashboard', zoom: '1.5', crop: '{"x":0,"y":0,"width":400,"height":240}' } });
    const { html } = await screens.drawing.page({ kind: 'screen', id: screen.id }, { target: { profile: { width: 800, height: 480 } as never, rotation: 0 }, at: new Date('2025-03-14T08:30:00Z'), timeZone: 'Europe/Berlin' });
    expect(html).toContain('No picture of the page yet');
    expect(html).toContain('needs a browser');
    expect(await screens.store.get(screen.id)).toMatchObject({ data: { image: '', problem: expect.stringContaining('needs a browser') }, lastError: expect.stringContaining('install Chromium') });
    await expect(screens.library.addBuiltin('web-page', { values: { url: 'http://127.0.0.1:9/', crop: '{"x":700,"y":0,"width":200,"height":100}' } })).rejects.toThrow(/crop: the crop must lie inside the 800×480 picture/);
  });

  it('draws the weather built-in from the app\'s stored weather', async () => {
    await settings.set('weather.latitude', '53.55');
    await settings.set('weather.longitude', '9.99');
    await weather.save({ provider: 'open-meteo', locationName: 'Hamburg', latitude: 53.55, longitude: 9.99, timeZone: 'Europe/Berlin', observedAt: new Date('2025-03-14T08:00:00Z'),
      current: { temperatureC: 7.4, weatherCode: 3 }, days: [{ date: '2025-03-14', weatherCode: 3, minC: 2, maxC: 9 }] }, new Date('2025-03-14T08:00:00Z'));
    const screen = await screens.library.addBuiltin('weather', { values: { days: '1' } });
    const { html } = await screens.drawing.page({ kind: 'screen', id: screen.id }, { target: { profile: { width: 800, height: 480 } as never, rotation: 0 }, at: new Date('2025-03-14T08:30:00Z'), timeZone: 'Europe/Berlin' });
    expect(html).toContain('Hamburg');
    expect(html).toContain('7°');
    expect((await screens.store.get(screen.id)).lastError).toBeNull();
  });

  it('gives fetches the app zone when no display asks', () => {
    expect(appDrawContext(new Date(0))).toMatchObject({ width: 800, height: 480, locale: 'en' });
  });
});

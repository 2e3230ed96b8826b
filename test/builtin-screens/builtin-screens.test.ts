import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { BUILTIN_SCREENS } from '../../main/builtin-screens/catalogue.ts';
import { refreshBuiltinData, renderBuiltinScreen } from '../../main/builtin-screens/render.ts';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { startFakeFeedServer, type FakeFeedServer } from '../fakes/feed-server.ts';
import { startFakeHomeAssistant, type FakeHomeAssistant } from '../fakes/home-assistant-server.ts';
import { startFakeTodoist, type FakeTodoist } from '../fakes/todoist-server.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { storeCalendar, storeWeather } from './stored-content.ts';
import { ocrTextBoxes, readsAs } from '../markup/support/ocr.ts';

/** Wednesday 2025-10-15, 10:05 in Berlin. */
const NOW = new Date('2025-10-15T08:05:00Z');
let testApp: TestApp;
const context = { now: NOW, timeZone: 'Europe/Berlin', locale: 'en', get app() { return testApp.app; } };
const PROFILES = ['inky-impression-7.3', 'trmnl-og-1bit', 'spectra6-13.3'];

let feeds: FakeFeedServer;
let ha: FakeHomeAssistant;
let todoist: FakeTodoist;

beforeAll(async () => {
  [feeds, ha, todoist, testApp] = await Promise.all([startFakeFeedServer(), startFakeHomeAssistant(), startFakeTodoist(), createTestApp({ now: () => NOW })]);
  feeds.serve('/news.rss', 'rss2-quirks.xml', 'application/rss+xml');
});

afterAll(async () => {
  await Promise.all([feeds.close(), ha.close(), todoist.close(), testApp.close()]);
});

/** Each built-in with settings, and the strings a viewer must be able to read on every panel. */
const cases = (): [string, unknown, string[]][] => [
  ['clock', {}, ['10:05', 'Wednesday', 'October 15, 2025']],
  ['countdown', { label: 'Summer holiday', date: '2026-07-20' }, ['278', 'days to go', 'Summer holiday', 'July 20, 2026']],
  ['progress', {}, ['2025', '78%', 'October', '46%', 'day 288 of 365']],
  ['text', { mode: 'quote_of_the_day', text: 'Simplicity is prerequisite for reliability — Edsger Dijkstra\nThe best way out is always through — Robert Frost' }, ['Simplicity is prerequisite', 'Edsger Dijkstra']],
  ['todos', { source: 'todoist', todoist: { base_url: todoist.url, api_token: todoist.token } }, ['Water the plants', 'Call the plumber', 'tomorrow 11:30', 'Renew car insurance', 'Oct 20']],
  ['feed', { url: `${feeds.url}/news.rss`, max_items: 3 }, ['Harbour Town News', 'Ferry timetable', 'Market day moves to', 'Podcast: the harbour master']],
  ['weather', { days: 3 }, ['Hamburg', '12°', 'Partly cloudy', 'Today', 'Thu', '9° / 14°', '40% rain']],
  ['home-assistant', { base_url: ha.url, token: ha.token, entities: ['binary_sensor.front_door', 'sensor.living_room_temperature'] }, ['Front door', 'Living room', '21.4']],
  ['agenda', { days: 7 }, ['Today · Wed, Oct 15', 'Dentist', '16:30 · Family', 'Tomorrow · Thu, Oct 16', 'Swimming', 'Sat, Oct 18', 'all day']],
];

// SQLite only: its subject is drawing (and reading it back with OCR); the stores its loaders read run on PostgreSQL in their own suites.
describe('the built-in screens', () => {
  it('cover every built-in in the catalogue', () => {
    // The web page screen needs a browser and pages to photograph: web-page.test.ts covers it.
    expect(cases().map(([id]) => id).sort()).toEqual(BUILTIN_SCREENS.map((s) => s.id).filter((id) => id !== 'web-page').sort());
  });

  it.each(['clock', 'countdown', 'progress', 'text', 'todos', 'feed', 'weather', 'home-assistant', 'agenda'])('%s renders legibly on 800×480 colour, 800×480 1-bit and 1600×1200', async (id) => {
    const [, settings, strings] = cases().find(([caseId]) => caseId === id)!;
    if (id === 'weather') await storeWeather(testApp, NOW);
    if (id === 'agenda') await storeCalendar(testApp);
    const { data, error } = await refreshBuiltinData(id, settings, context);
    expect(error).toBeNull();
    for (const profileId of PROFILES) {
      const { png, boxes } = await renderBuiltinScreen(id, data, context, { profile: findBuiltinProfile(profileId)! });
      const text = (await ocrTextBoxes(png, boxes)).replace(/\s+/g, ' ');
      // Spacing is not legibility: OCR may read "9° / 14°" as "9°/14°".
      for (const expected of strings) expect(readsAs(text.replace(/ /g, ''), expected.replace(/ /g, '')), `${id} on ${profileId}: "${expected}" in "${text}"`).toBe(true);
      // The feed's QR code must still scan after scaling and dithering to the panel.
      if (id === 'feed') expect(await scanQr(png), profileId).toBe('https://news.example.org/2025/10/ferry-timetable');
    }
  }, 120_000);

  it('keeps the last content when a source fails, and says why', async () => {
    const settings = { base_url: ha.url, token: ha.token, entities: ['binary_sensor.front_door'] };
    const good = await refreshBuiltinData('home-assistant', settings, context);
    await ha.close();
    const failed = await refreshBuiltinData('home-assistant', settings, context, good.data);
    expect(failed).toEqual({ data: good.data, error: expect.stringMatching(/^could not reach Home Assistant at 127\.0\.0\.1:\d+/) });
    ha = await startFakeHomeAssistant();
  });

  it('says so when no weather is stored yet, instead of drawing an empty screen', async () => {
    const empty = await createTestApp();
    try {
      expect(await refreshBuiltinData('weather', {}, { ...context, app: empty.app })).toEqual({ data: null, error: 'no weather stored yet: set the location under Dashboard and run the get_weather job' });
    } finally {
      await empty.close();
    }
  });

  it('validates every built-in\'s settings', async () => {
    const bad: [string, unknown][] = [
      ['clock', { hour_cycle: 'h25' }],
      ['countdown', { label: 'Holiday', date: '20 July' }],
      ['progress', { colour: 'red' }],
      ['text', { mode: 'message', text: '   ' }],
      ['todos', { source: 'todoist', todoist: { api_token: 'short' } }],
      ['feed', { url: 'ftp://example.org/feed' }],
      ['weather', { days: 12 }],
      ['home-assistant', { base_url: ha.url, token: ha.token, entities: ['Front Door'] }],
      ['agenda', { days: 60 }],
    ];
    for (const [id, settings] of bad) await expect(refreshBuiltinData(id, settings, context), id).rejects.toThrow(ZodError);
  });
});

/** What zbarimg (Debian's zbar-tools, in .ci/run's package list) reads from the QR code in a panel image, enlarged 2× without smoothing. */
async function scanQr(png: Buffer): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-qr-')), 'panel.png');
  try {
    const { width } = await sharp(png).metadata();
    await sharp(png).resize({ width: (width ?? 800) * 2, kernel: 'nearest' }).png().toFile(file);
    const { stdout } = await promisify(execFile)('zbarimg', ['-q', '--raw', file]);
    return stdout.trim();
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

it('the agenda names a calendar that is not there, and shows only the chosen ones', async () => {
  await storeCalendar(testApp);
  expect(await refreshBuiltinData('agenda', { calendars: ['Work'] }, context)).toEqual({ data: null, error: 'no calendar named "Work" (there are "Family")' });
  const { data } = await refreshBuiltinData('agenda', { days: 7, calendars: ['Family'] }, context);
  const summaries = (data as { events: { summary: string }[] }).events.map((e) => e.summary);
  // The breakfast meeting has ended by 10:05; the event in December is past the seven days.
  expect(summaries).toEqual(['Dentist', 'Swimming', 'Harbour market']);
});

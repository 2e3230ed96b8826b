import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_SCREENS } from '../../main/builtin-screens/catalogue.ts';
import { builtinRecipe, builtinViewHtml, refreshBuiltinData } from '../../main/builtin-screens/render.ts';
import { findBuiltinProfile } from '../../main/imaging/builtin-profiles.ts';
import { drawMarkup, mashupViewSizes, screenMarkup, type MashupLayout } from '../../main/markup/index.ts';
import { startFakeFeedServer, type FakeFeedServer } from '../fakes/feed-server.ts';
import { startFakeHomeAssistant, type FakeHomeAssistant } from '../fakes/home-assistant-server.ts';
import { startFakeTodoist, type FakeTodoist } from '../fakes/todoist-server.ts';
import { createTestApp, type TestApp } from '../jobs/test-app.ts';
import { storeCalendar, storeWeather } from './stored-content.ts';
import { ocrText, ocrTextBoxes, readsAs } from '../markup/support/ocr.ts';

/** Wednesday 2025-10-15, 10:05 in Berlin. */
const NOW = new Date('2025-10-15T08:05:00Z');
let testApp: TestApp;
const context = { now: NOW, timeZone: 'Europe/Berlin', locale: 'en', get app() { return testApp.app; } };
let feeds: FakeFeedServer;
let ha: FakeHomeAssistant;
let todoist: FakeTodoist;
const data = new Map<string, unknown>();

/** What each built-in must still show legibly in the smallest place of a mashup. */
const KEY_STRINGS: Record<string, string[]> = {
  'clock': ['10:05', 'Wednesday'],
  'countdown': ['278', 'days to go', 'Summer holiday'],
  'progress': ['78%', '46%'],
  'text': ['Simplicity is prerequisite'],
  'todos': ['Water the plants'],
  'feed': ['Harbour Town News', 'Ferry timetable'],
  'weather': ['12°', 'Partly cloudy'],
  'home-assistant': ['Front door', '21.4'],
  'web-page': ['Tide 14:32'],
  'agenda': ['Dentist', 'Swimming'],
};

beforeAll(async () => {
  [feeds, ha, todoist, testApp] = await Promise.all([startFakeFeedServer(), startFakeHomeAssistant(), startFakeTodoist(), createTestApp({ now: () => NOW })]);
  feeds.serve('/news.rss', 'rss2-quirks.xml', 'application/rss+xml');
  await storeWeather(testApp, NOW);
  await storeCalendar(testApp);
  const settings: Record<string, unknown> = {
    'clock': {},
    'countdown': { label: 'Summer holiday', date: '2026-07-20' },
    'progress': {},
    'text': { mode: 'message', text: 'Simplicity is prerequisite for reliability' },
    'todos': { source: 'todoist', todoist: { base_url: todoist.url, api_token: todoist.token } },
    'feed': { url: `${feeds.url}/news.rss`, max_items: 6 },
    'weather': { days: 4 },
    'agenda': { days: 7 },
    'home-assistant': { base_url: ha.url, token: ha.token, entities: ['binary_sensor.front_door', 'sensor.living_room_temperature'] },
  };
  for (const [id, given] of Object.entries(settings)) {
    const loaded = await refreshBuiltinData(id, given, context);
    expect(loaded.error, id).toBeNull();
    data.set(id, loaded.data);
  }
  // The web page screen's data is a picture of a page (web-page.test.ts takes real ones with Chromium).
  const page = await sharp(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="800" height="480"><rect width="800" height="480" fill="white"/><text x="40" y="280" font-family="sans-serif" font-weight="bold" font-size="120">Tide 14:32</text></svg>')).png().toBuffer();
  data.set('web-page', { image: `data:image/png;base64,${page.toString('base64')}`, site: 'tides.example', taken: '10:05', problem: '' });
}, 60_000);

afterAll(async () => {
  await Promise.all([feeds.close(), ha.close(), todoist.close(), testApp.close()]);
});

/** The built-ins in groups that fill a mashup of this layout, the last group topped up from the first. */
function groups(layout: MashupLayout): string[][] {
  const ids = BUILTIN_SCREENS.map((s) => s.id);
  const size = mashupViewSizes(layout).length;
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  const last = out.at(-1)!;
  while (last.length < size) last.push(ids[last.length]);
  return out;
}

// SQLite only: its subject is drawing; the stores its loaders read run on PostgreSQL in their own suites.
describe('the built-ins inside mashups', () => {
  it('have markup for every view size', async () => {
    for (const { id } of BUILTIN_SCREENS) expect(Object.keys((await builtinRecipe(id)).markup), id).toEqual(expect.arrayContaining(['full', 'half_vertical', 'half_horizontal', 'quadrant']));
  });

  it.each([['2x2', 'inky-impression-7.3'], ['2x2', 'spectra6-13.3'], ['1Lx1R', 'trmnl-og-1bit'], ['1Tx1B', 'trmnl-og-1bit'], ['1Lx1R', 'spectra6-13.3'], ['1Tx1B', 'spectra6-13.3']] as [MashupLayout, string][])(
    'each reads legibly in a %s mashup on %s', async (layout, profileId) => {
      const target = { profile: findBuiltinProfile(profileId)! };
      for (const group of groups(layout)) {
        const sizes = mashupViewSizes(layout);
        const views = await Promise.all(group.map(async (id, i) => ({ html: await builtinViewHtml(id, sizes[i], data.get(id), context, target) })));
        const { png, boxes } = await drawMarkup(screenMarkup(views, { mashup: layout }), target);
        if (process.env.SAVE_RENDERS) await sharp(png).toFile(`${process.env.SAVE_RENDERS}/mashup-${layout}-${profileId}-${group.join('+')}.png`);
        const text = (await ocrTextBoxes(png, boxes)).replace(/\s+/g, '');
        // The web page is a picture: its text is read from the whole image, not from the text boxes.
        const picture = group.includes('web-page') ? (await ocrText(png)).replace(/\s+/g, '') : '';
        for (const id of group) {
          const read = id === 'web-page' ? picture : text;
          for (const wanted of KEY_STRINGS[id]) expect(readsAs(read, wanted.replace(/\s+/g, '')), `${id} in ${layout} on ${profileId}: "${wanted}" in "${read}"`).toBe(true);
        }
      }
    }, 180_000);
});

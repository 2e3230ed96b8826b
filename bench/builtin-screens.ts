import { refreshBuiltinData, renderBuiltinScreen } from '../main/builtin-screens/render.ts';
import { findBuiltinProfile } from '../main/imaging/builtin-profiles.ts';
import { closeImagePool } from '../main/imaging/pool.ts';
import { startFakeFeedServer } from '../test/fakes/feed-server.ts';
import { startFakeHomeAssistant } from '../test/fakes/home-assistant-server.ts';
import { startFakeWebPages } from '../test/fakes/web-pages-server.ts';
import { storeCalendar, storeWeather } from '../test/builtin-screens/stored-content.ts';
import { createTestApp } from '../test/jobs/test-app.ts';
import { closeMarkupBrowser, findSystemChromium } from '../main/markup/index.ts';
import type { Report } from './report.ts';

const ROUNDS = 5;

/** Render time of each built-in screen at 800×480 (7-colour), data loaded before: the median of five renders after a warm-up. */
export async function runBuiltinScreensBench(report: Report): Promise<void> {
  const feeds = await startFakeFeedServer();
  const ha = await startFakeHomeAssistant();
  const pages = await startFakeWebPages();
  feeds.serve('/news.rss', 'rss2-quirks.xml', 'application/rss+xml');
  const now = new Date('2025-10-15T08:05:00Z');
  // Weather and agenda draw what get_weather and get_calendar stored: an app with both stored.
  const testApp = await createTestApp({ now: () => now });
  await storeWeather(testApp, now);
  await storeCalendar(testApp);
  const context = { now, timeZone: 'Europe/Berlin', locale: 'en', app: testApp.app };
  const target = { profile: findBuiltinProfile('inky-impression-7.3')! };
  const screens: [string, unknown][] = [
    ['clock', {}], ['countdown', { label: 'Summer holiday', date: '2026-07-20' }], ['progress', {}],
    ['text', { mode: 'message', text: 'The washing machine is done' }],
    ['todos', { source: 'typed', text: 'Buy stamps\nFix the bike light\nCall grandma\nWater the ferns\nBook the dentist' }],
    ['feed', { url: `${feeds.url}/news.rss`, max_items: 4 }],
    ['weather', { days: 4 }], ['agenda', { days: 7 }],
    ['home-assistant', { base_url: ha.url, token: ha.token, entities: ['binary_sensor.front_door', 'sensor.living_room_temperature', 'light.kitchen'] }],
    // The web page screen's picture is taken on refresh (timed apart below); a render draws it.
    ...(findSystemChromium() ? [['web-page', { url: `${pages.url}/quarters` }] as [string, unknown]] : []),
  ];
  try {
    for (const [id, settings] of screens) {
      const loadStart = performance.now();
      const { data } = await refreshBuiltinData(id, settings, context);
      if (id === 'web-page') report('web page screen: picture of a local page taken (browser started)', performance.now() - loadStart, 'ms');
      await renderBuiltinScreen(id, data, context, target);
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const start = performance.now();
        await renderBuiltinScreen(id, data, context, target);
        times.push(performance.now() - start);
      }
      report(`built-in screen ${id} at 800×480`, times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)], 'ms');
    }
  } finally {
    await feeds.close();
    await ha.close();
    await pages.close();
    await testApp.close();
    await closeMarkupBrowser();
    await closeImagePool();
  }
}

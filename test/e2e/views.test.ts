import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeIcsServer, type FakeIcsServer } from '../fakes/ics-server.ts';
import { startFakeOpenMeteo, type FakeOpenMeteo } from '../fakes/open-meteo-server.ts';
import { VIEWS } from '../../renderer/views/registry.ts';
import type { SimulatedFrame } from '../sim/frame.ts';
import { e2eSuite, type E2eApp } from './harness.ts';
import { samplePhotos, uploadThroughApi } from './photos-fixture.ts';

describe('Dashboard and Settings views in a browser', () => {
  const e2e = e2eSuite();
  let app: E2eApp;
  let weather: FakeOpenMeteo;
  let feeds: FakeIcsServer;
  let photos: string[];
  let frame: SimulatedFrame;

  beforeAll(async () => {
    weather = await startFakeOpenMeteo();
    feeds = await startFakeIcsServer();
    photos = await samplePhotos(2);
  });
  beforeEach(async () => {
    app = await e2e.start();
    for (const [key, value] of [['weather.geocoding_url', weather.url], ['weather.base_url', weather.url]]) {
      await app.admin('PUT', `/settings/${key}`, { value });
    }
    await uploadThroughApi(app, photos);
    ({ frame } = await app.pairedFrame('e2e-views-frame'));
  });
  afterAll(async () => {
    await feeds?.close();
    await weather?.close();
  });

  it('searching a place sets the weather location and fetches its forecast', async () => {
    await app.page.goto(`${app.uiUrl}#/dashboard`);
    await app.page.getByLabel('Search a place').fill('Berlin');
    await app.page.getByRole('button', { name: 'Search' }).click();
    await app.page.getByRole('button', { name: /^Berlin/ }).first().click();
    await app.page.locator('.card').getByText('Location: Berlin').waitFor();
    await app.page.locator('.weather-day').first().waitFor({ timeout: 15_000 });
    const settings = await (await app.admin('GET', '/settings')).json();
    expect(settings.find((s: { key: string }) => s.key === 'weather.location_name').value).toBe('Berlin');
  });

  it('adds a calendar with its ICS address, and refuses one that is not a URL', async () => {
    await app.page.goto(`${app.uiUrl}#/dashboard`);
    await app.page.getByLabel('Name').fill('Family');
    await app.page.getByLabel('ICS address').fill('family calendar');
    await app.page.getByRole('button', { name: 'Add calendar' }).click();
    await app.page.getByRole('alert').filter({ hasText: /url/ }).waitFor();
    await app.page.getByLabel('ICS address').fill('https://calendar.example/family.ics');
    await app.page.getByRole('button', { name: 'Add calendar' }).click();
    await app.page.locator('.calendar-list').getByText('Family').waitFor();
    await app.page.getByAltText(/^Dashboard on/).waitFor();
    await app.screenshot('dashboard');
  });

  it("a calendar's entry shows which events were skipped, and why a later download was refused", async () => {
    feeds.serveFixture('/club.ics', 'corpus/bad-rrule.ics');
    await app.admin('POST', '/calendars', { name: 'Club', url: `${feeds.url}/club.ics` });
    const runCalendarJob = async () => {
      const { id } = await (await app.admin('POST', '/jobs/get_calendar/run', {})).json();
      await expect.poll(async () => (await (await app.admin('GET', '/executions?name=get_calendar')).json()).find((e: { id: number }) => e.id === id)?.finishedAt, { timeout: 15_000 }).toBeTruthy();
    };
    await runCalendarJob();
    await app.page.goto(`${app.uiUrl}#/dashboard`);
    const club = app.page.locator('.calendar-list li').filter({ hasText: 'Club' });
    await club.getByText('2 unreadable events skipped').click();
    await club.getByText('"Kinderturnen" (turnen-kinder@verein.example) skipped: invalid BYDAY value " TU"').waitFor();

    feeds.serveFixture('/club.ics', 'broken/truncated.ics');
    await runCalendarJob();
    await club.getByText(/^the feed ended before END:VCALENDAR \(the download was cut off inside a VEVENT\) — kept the events from \d{4}-\d\d-\d\d \d\d:\d\d$/).waitFor();
    await club.getByText('2 unreadable events skipped').waitFor();
    await app.screenshot('calendar-status');
  });

  it('Settings shows the real ports and data folder, the one node (it runs the jobs), and saves the server name', async () => {
    await app.page.goto(`${app.uiUrl}#/settings`);
    const port = new URL(app.urls.http).port;
    await app.page.locator('.facts').getByText(port, { exact: true }).waitFor();
    const node = app.page.getByTestId('node');
    await node.getByText('runs jobs').waitFor();
    expect(await node.count()).toBe(1);
    expect(await node.textContent()).toContain(`127.0.0.1:${port}`);
    expect(await node.textContent()).toContain('just now');
    const name = app.page.getByLabel('Name shown to frames');
    await name.fill('Hallway');
    await name.press('Enter');
    await expect.poll(async () => (await (await app.admin('GET', '/settings')).json()).find((s: { key: string }) => s.key === 'server.name').value).toBe('Hallway');
    await app.screenshot('settings');
  });

  it('a refused admin token (an old address after a restart) shows where to get the right one', async () => {
    await app.page.goto(`${app.urls.http}/?token=not-the-token#/photos`);
    await app.page.getByRole('heading', { name: 'Open Inkstand from its address' }).waitFor();
    expect(await app.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });

  it('every view renders without page errors', async () => {
    const errors: string[] = [];
    app.page.on('pageerror', (error) => errors.push(error.message));
    for (const { id } of VIEWS) {
      await app.page.goto(`${app.uiUrl}#/${id}`);
      await app.page.locator('main h1').first().waitFor();
    }
    await app.page.goto(`${app.uiUrl}#/displays`);
    await app.page.getByTestId(`display-${frame.humanId}`).locator('img').waitFor();
    await app.screenshot('displays');
    await app.page.goto(`${app.uiUrl}#/photos`);
    await app.page.getByTestId('photo-tile').first().locator('img').waitFor();
    await app.screenshot('photos');
    expect(errors).toEqual([]);
  });
});

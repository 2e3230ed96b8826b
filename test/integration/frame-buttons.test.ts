import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFolder } from '../../main/library/import-folder.ts';
import { FRAME_DIR, FrameProgram, STANDINS_DIR } from '../helpers/frame-program.ts';
import { smallPhotoFolder } from '../helpers/photos.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server.ts';

interface PanelCall { call: string; module: string; mode?: string; counts?: Record<string, number> }

// The inky backend against Pimoroni's API (stand-in, test/frame/standins) and the Impression's
// buttons through a stand-in for libgpiod's line events, with the real server.
describe.each(testDatabases('an Inky Impression frame with buttons'))('an Inky Impression frame with buttons (%s)', (database) => {
  const settings = useTestDatabase(database);
  let t: TestServer;
  let frame: FrameProgram;
  const work = tempDataDir('frame-inky-');
  const record = path.join(work, 'inky-calls.jsonl');
  const gpioEvents = path.join(work, 'gpio-events');
  const panelCalls = (): PanelCall[] => (fs.existsSync(record) ? fs.readFileSync(record, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : []);
  const shows = () => panelCalls().filter((c) => c.call === 'show');
  const press = async (line: number, holdMs: number) => {
    fs.appendFileSync(gpioEvents, `${line} down\n`);
    await new Promise((r) => setTimeout(r, holdMs));
    fs.appendFileSync(gpioEvents, `${line} up\n`);
  };

  beforeAll(async () => {
    t = await startTestServer({ databaseUrl: settings().databaseUrl });
    const files = await smallPhotoFolder(path.join(work, 'photos'), 3);
    await importFolder(t.server.core.app, path.dirname(files[0]));
    expect((await t.admin('POST', '/pairing/open', { minutes: 5 })).status).toBe(200);
    fs.writeFileSync(gpioEvents, '');
    frame = new FrameProgram(
      ['--server', t.urls.https, '--backend', 'inky', '--hardware-id', 'test:impression', '--state-dir', path.join(work, 'state')],
      { INKY_STANDIN_MODEL: 'e673', INKY_STANDIN_RECORD: record, GPIOD_STANDIN_EVENTS: gpioEvents, INKSTAND_GPIO_CHIP: '/dev/gpiochip0' },
      [FRAME_DIR, STANDINS_DIR],
    );
  });
  afterAll(async () => {
    await frame?.stop();
    await t?.stop();
  });

  it('bootstraps as the panel inky.auto found, pins the configured https server, and shows the photo as P-mode indices', async () => {
    await frame.waitFor(/^buttons A–D on GPIO 5, 6, 16, 24$/m);
    await frame.waitFor(/^pinned the certificate of https:\/\/127\.0\.0\.1:\d+: sha256:[0-9a-f]{64}$/m);
    await frame.waitFor(/^showing \S+ \(photo\)$/m, 20_000);
    const displays: { hardwareId: string; profileId: string }[] = await (await t.admin('GET', '/displays')).json();
    expect(displays.find((d) => d.hardwareId === 'test:impression')!.profileId).toBe('inky-impression-7.3-spectra6');
    const [setImage, show] = panelCalls();
    expect(setImage).toMatchObject({ call: 'set_image', module: 'inky.inky_e673', mode: 'P' });
    expect(Object.keys(show.counts!).every((code) => ['0', '1', '2', '3', '5', '6'].includes(code))).toBe(true);
  });

  it('posts a short press of B, and shows the dashboard from the answer at once', async () => {
    const mark = frame.mark();
    await press(6, 80);
    await frame.waitFor(/^button B \(press\)$/m, 5000, mark);
    await frame.waitFor(/^showing \S+ \(dashboard\)$/m, 20_000, mark);
    expect(shows()).toHaveLength(2);
  });

  it('posts a long press of D while it is held, going back to the schedule', async () => {
    // Counted from here: the previous test's dashboard may be drawn again (each dashboard render is a new picture).
    const shownBefore = shows().length;
    const mark = frame.mark();
    fs.appendFileSync(gpioEvents, '24 down\n');
    await frame.waitFor(/^button D \(long\)$/m, 5000, mark);
    fs.appendFileSync(gpioEvents, '24 up\n');
    await frame.waitFor(/^showing \S+ \(photo\)$/m, 20_000, mark);
    expect(shows()).toHaveLength(shownBefore + 1);
  });
});

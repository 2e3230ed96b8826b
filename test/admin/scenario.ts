import fs from 'node:fs';
import { expect } from 'vitest';
import type { AdminArgs, AdminOperationName, AdminResult } from '../../contract/admin.ts';
import { fixtureZip } from '../helpers/screens.ts';
import { SimulatedFrame } from '../sim/frame.ts';

export type Call = <K extends AdminOperationName>(name: K, args: AdminArgs<K>) => Promise<AdminResult<K>>;

/** What earlier steps learned (ids) for later ones. */
export interface ScenarioContext {
  httpUrl: string;
  photoPath: string;
  frame?: SimulatedFrame;
  displayId?: number;
  photoId?: number;
  variantId?: number;
  executionId?: number;
  calendarId?: number;
  trmnlId?: number;
  trmnlToken?: string;
  screenId?: number;
  recipeScreenId?: number;
  mashupId?: number;
  playlistId?: number;
  recipeZip?: string;
}

export interface Step<K extends AdminOperationName = AdminOperationName> {
  op: K;
  title?: string;
  before?(ctx: ScenarioContext): Promise<void>;
  args(ctx: ScenarioContext): AdminArgs<K>;
  /** Checks the answer; `error` is the message when the operation failed. */
  check(result: AdminResult<K> | undefined, ctx: ScenarioContext, error?: string): void | Promise<void>;
}

const step = <K extends AdminOperationName>(s: Step<K>): Step => s as unknown as Step;
const none = () => ({}) as Record<string, never>;
const ok = (result: unknown, error?: string) => {
  expect(error).toBeUndefined();
  expect(result).toBeDefined();
};

/** Every operation of the contract, in an order that makes sense for one household; run once per transport. */
export const SCENARIO: Step[] = [
  step({ op: 'system.info', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.version).toMatch(/^\d+\.\d+\.\d+/); } }),
  step({ op: 'nodes.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map(({ alive, runsJobs, thisNode }) => ({ alive, runsJobs, thisNode }))).toEqual([{ alive: true, runsJobs: true, thisNode: true }]); } }),
  step({ op: 'settings.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((s) => s.key)).toContain('server.name'); } }),
  step({ op: 'settings.set', args: () => ({ key: 'server.name', value: 'Hallway' }), check: (r, _c, e) => { ok(r, e); expect(r!.find((s) => s.key === 'server.name')?.value).toBe('Hallway'); } }),
  step({ op: 'settings.set', title: 'refuses a bad value', args: () => ({ key: 'weather.latitude', value: 'north' }), check: (_r, _c, e) => expect(e).toMatch(/weather\.latitude/) }),
  step({ op: 'profiles.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((p) => p.id)).toContain('inky-impression-7.3'); } }),
  step({
    op: 'profiles.saveCustom',
    args: () => ({ profile: { id: 'hall-bw', label: 'Hall B/W', width: 400, height: 300, palette: [[0, 0, 0], [255, 255, 255]] } }),
    check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ id: 'hall-bw', builtIn: false, palette: ['#000000', '#ffffff'] }); },
  }),
  step({ op: 'pairing.get', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.open).toBe(false); } }),
  step({ op: 'pairing.open', args: () => ({ minutes: 5 }), check: (r, _c, e) => { ok(r, e); expect(r!.open).toBe(true); } }),
  step({ op: 'pairing.close', args: none, check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ open: false, until: null }); } }),

  step({
    op: 'photos.upload',
    args: (c) => ({ name: 'harbour.jpg', data: new Uint8Array(fs.readFileSync(c.photoPath)) }),
    check: (r, c, e) => { ok(r, e); expect(r!.duplicate).toBe(false); c.photoId = r!.photo.id; },
  }),
  step({ op: 'photos.upload', title: 'refuses a non-image', args: () => ({ name: 'notes.txt', data: new TextEncoder().encode('hello') }), check: (_r, _c, e) => expect(e).toMatch(/notes\.txt: not an image/) }),
  step({ op: 'photos.list', args: () => ({}), check: (r, _c, e) => { ok(r, e); expect(r!.total).toBe(1); expect(r!.photos[0].styles).toEqual(['photo']); } }),
  step({ op: 'photos.thumbnail', args: (c) => ({ id: c.photoId! }), check: (r, _c, e) => { ok(r, e); expect(r!.mime).toBe('image/webp'); expect(r!.dataBase64.length).toBeGreaterThan(100); } }),
  step({ op: 'photos.update', args: (c) => ({ id: c.photoId!, favourite: true }), check: (r, _c, e) => { ok(r, e); expect(r!.favourite).toBe(true); } }),
  step({ op: 'variants.list', args: (c) => ({ photoId: c.photoId! }), check: (r, c, e) => { ok(r, e); expect(r!.map((v) => v.style)).toEqual(['photo']); c.variantId = r![0].id; } }),
  step({ op: 'variants.thumbnail', args: (c) => ({ id: c.variantId! }), check: (r, _c, e) => { ok(r, e); expect(r!.mime).toBe('image/webp'); } }),
  step({ op: 'variants.update', args: (c) => ({ id: c.variantId!, favourite: true }), check: (r, _c, e) => { ok(r, e); expect(r!.favourite).toBe(true); } }),
  step({ op: 'styles.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r![0].name).toBe('photo'); } }),
  step({ op: 'styles.update', args: () => ({ name: 'photo', score: 0.6 }), check: (r, _c, e) => { ok(r, e); expect(r!.find((s) => s.name === 'photo')?.score).toBe(0.6); } }),

  step({
    op: 'displays.list',
    before: async (c) => {
      c.frame = new SimulatedFrame('contract-frame', 800, 480);
      expect(await c.frame.bootstrap(`${c.httpUrl}/api/display/bootstrap`)).toBe(202);
    },
    args: none,
    check: (r, c, e) => { ok(r, e); expect(r).toHaveLength(1); expect(r![0]).toMatchObject({ status: 'pending', pairingCode: c.frame!.pairingCode }); c.displayId = r![0].id; },
  }),
  step({ op: 'displays.get', args: (c) => ({ id: c.displayId! }), check: (r, c, e) => { ok(r, e); expect(r!.humanId).toBe(c.frame!.humanId); } }),
  step({ op: 'displays.get', title: 'an unknown id is not found', args: () => ({ id: 9999 }), check: (_r, _c, e) => expect(e).toBe('no display with id 9999') }),
  step({ op: 'displays.approve', args: (c) => ({ id: c.displayId! }), check: async (r, c, e) => { ok(r, e); expect(r!.status).toBe('approved'); await c.frame!.waitForApproval(5000); } }),
  step({ op: 'displays.update', args: (c) => ({ id: c.displayId!, patch: { name: 'Kitchen', rotationIntervalS: 600 } }), check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ name: 'Kitchen', rotationIntervalS: 600 }); } }),
  step({ op: 'displays.update', title: 'a bad time zone is refused', args: (c) => ({ id: c.displayId!, patch: { timeZone: 'Mars/Olympus' } }), check: (_r, _c, e) => expect(e).toMatch(/timeZone/) }),
  step({
    op: 'displays.setRules',
    args: (c) => ({ id: c.displayId!, rules: [{ weekday: 1, startMinute: 420, endMinute: 540, mode: 'dashboard' }] }),
    check: (r, _c, e) => { ok(r, e); expect(r!.rules).toEqual([{ weekday: 1, startMinute: 420, endMinute: 540, mode: 'dashboard', itemId: null }]); },
  }),
  step({ op: 'displays.setOverride', args: (c) => ({ id: c.displayId!, mode: 'dashboard', minutes: 30 }), check: (r, _c, e) => { ok(r, e); expect(r!.override?.mode).toBe('dashboard'); } }),
  step({ op: 'displays.clearOverride', args: (c) => ({ id: c.displayId! }), check: (r, _c, e) => { ok(r, e); expect(r!.override).toBeNull(); } }),
  step({ op: 'displays.showMessage', args: (c) => ({ id: c.displayId!, text: 'Dinner at seven', minutes: 10 }), check: (r, _c, e) => { ok(r, e); expect(r!.messageText).toBe('Dinner at seven'); } }),
  step({ op: 'displays.next', args: (c) => ({ id: c.displayId! }), check: (r, _c, e) => ok(r, e) }),
  step({ op: 'displays.preview', args: (c) => ({ id: c.displayId! }), check: (r, _c, e) => { ok(r, e); expect(r!.mode).toBe('message'); expect(Buffer.from(r!.image.dataBase64, 'base64').subarray(1, 4).toString()).toBe('PNG'); } }),
  step({ op: 'dashboard.preview', args: (c) => ({ displayId: c.displayId! }), check: (r, _c, e) => { ok(r, e); expect(r!.mime).toBe('image/png'); expect(Buffer.from(r!.dataBase64, 'base64').subarray(1, 4).toString()).toBe('PNG'); } }),
  step({
    op: 'panelImages.preview',
    args: (c) => ({ photoId: c.photoId!, displayId: c.displayId!, settings: { vividness: 1.3 } }),
    check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ image: { mime: 'image/png', width: 800, height: 480 }, settings: { dither: 'floyd-steinberg', vividness: 1.3 } }); },
  }),
  step({
    op: 'panelImages.preview',
    title: 'a setting of earlier versions is refused, naming what took its place',
    args: (c) => ({ photoId: c.photoId!, profileId: 'spectra6-13.3', settings: { paletteSaturation: 0.3 } as never }),
    check: (_r, _c, e) => expect(e).toMatch(/paletteSaturation.*vividness/),
  }),
  step({
    op: 'displays.update',
    title: 'picture settings are stored as given',
    args: (c) => ({ id: c.displayId!, patch: { pictureSettings: { dither: 'atkinson', vividness: 1.2 } } }),
    check: (r, _c, e) => { ok(r, e); expect(r!.pictureSettings).toEqual({ dither: 'atkinson', vividness: 1.2 }); },
  }),
  step({ op: 'displays.refreshAll', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.refreshed).toBe(1); } }),
  step({ op: 'displays.nextPhotoEverywhere', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.refreshed).toBe(1); } }),
  step({ op: 'displays.dashboardEverywhere', args: () => ({ minutes: 30 }), check: (r, _c, e) => { ok(r, e); expect(r!.refreshed).toBe(1); } }),
  step({ op: 'screens.builtins', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((b) => b.id)).toContain('text'); } }),
  step({ op: 'screens.addBuiltin', args: () => ({ builtinId: 'text', values: { text: 'Hello' } }), check: (r, c, e) => { ok(r, e); expect(r).toMatchObject({ builtinId: 'text', strategy: 'static' }); c.screenId = r!.id; } }),
  step({ op: 'screens.addBuiltin', title: 'refuses an unknown plugin', args: () => ({ builtinId: 'nope' }), check: (_r, _c, e) => expect(e).toMatch(/no built-in plugin/) }),
  step({
    op: 'screens.import',
    before: async (c) => void (c.recipeZip = (await fixtureZip('packing-list')).toString('base64')),
    args: (c) => ({ fileName: 'packing.zip', dataBase64: c.recipeZip!, name: 'Packing' }),
    check: (r, c, e) => { ok(r, e); expect(r).toMatchObject({ name: 'Packing', builtinId: null }); c.recipeScreenId = r!.id; },
  }),
  step({ op: 'screens.import', title: 'refuses a file that is not a recipe', args: () => ({ fileName: 'x.zip', dataBase64: 'bm90IGEgemlw' }), check: (_r, _c, e) => expect(e).toBeDefined() }),
  step({ op: 'screens.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((x) => x.name)).toEqual(['Text', 'Packing']); } }),
  step({ op: 'screens.get', args: (c) => ({ id: c.screenId! }), check: (r, _c, e) => { ok(r, e); expect(r!.fields.find((f) => f.keyname === 'text')?.value).toBe('Hello'); } }),
  step({ op: 'screens.update', args: (c) => ({ id: c.screenId!, patch: { name: 'Hall note', refreshMinutes: 30 } }), check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ name: 'Hall note', refreshMinutes: 30 }); } }),
  step({ op: 'screens.update', title: 'refuses an unknown field', args: (c) => ({ id: c.screenId!, patch: { fieldValues: { colour: 'red' } } }), check: (_r, _c, e) => expect(e).toMatch(/colour/) }),
  step({ op: 'screens.refresh', args: (c) => ({ id: c.recipeScreenId! }), check: (r, _c, e) => { ok(r, e); expect(r!.lastError).toBeNull(); expect(r!.data).not.toBeNull(); } }),
  step({ op: 'screens.preview', args: (c) => ({ screenId: c.screenId!, profileId: 'trmnl-og-1bit', view: 'quadrant' }), check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ width: 800, height: 480, drawnBy: { engine: 'server' } }); } }),
  step({ op: 'screens.export', args: (c) => ({ id: c.recipeScreenId! }), check: (r, _c, e) => { ok(r, e); expect(r!.fileName).toBe('Packing.zip'); expect(Buffer.from(r!.dataBase64, 'base64').subarray(0, 2).toString()).toBe('PK'); } }),
  step({ op: 'mashups.create', args: (c) => ({ mashup: { name: 'Hall', layout: '1Lx1R', screenIds: [c.screenId!, c.recipeScreenId!] } }), check: (r, c, e) => { ok(r, e); c.mashupId = r!.id; } }),
  step({ op: 'mashups.update', args: (c) => ({ id: c.mashupId!, mashup: { name: 'Hall', layout: '1Tx1B', screenIds: [c.recipeScreenId!, c.screenId!] } }), check: (r, _c, e) => { ok(r, e); expect(r!.layout).toBe('1Tx1B'); } }),
  step({ op: 'mashups.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((m) => m.name)).toEqual(['Hall']); } }),
  step({ op: 'playlists.create', args: (c) => ({ playlist: { name: 'Day', items: [{ kind: 'mashup', itemId: c.mashupId!, durationS: 600 }, { kind: 'photo', itemId: null, durationS: 600 }] } }), check: (r, c, e) => { ok(r, e); c.playlistId = r!.id; } }),
  step({ op: 'playlists.update', args: (c) => ({ id: c.playlistId!, playlist: { name: 'Day', items: [{ kind: 'screen', itemId: c.screenId!, durationS: 60 }] } }), check: (r, _c, e) => { ok(r, e); expect(r!.items).toHaveLength(1); } }),
  step({ op: 'playlists.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((p) => p.name)).toEqual(['Day']); } }),
  step({ op: 'displays.showEverywhere', args: (c) => ({ mode: 'mashup', itemId: c.mashupId!, minutes: 10 }), check: (r, _c, e) => { ok(r, e); expect(r!.refreshed).toBe(1); } }),
  step({ op: 'displays.update', title: 'shows a playlist by default', args: (c) => ({ id: c.displayId!, patch: { defaultMode: 'playlist', defaultItemId: c.playlistId! } }), check: (r, c, e) => { ok(r, e); expect(r).toMatchObject({ defaultMode: 'playlist', defaultItemId: c.playlistId }); } }),
  step({ op: 'playlists.delete', title: 'refuses a playlist a display shows', args: (c) => ({ id: c.playlistId! }), check: (_r, _c, e) => expect(e).toMatch(/used by display/) }),

  step({ op: 'displays.requireToken', title: 'an Inkstand frame always uses its token', args: (c) => ({ id: c.displayId!, required: true }), check: (_r, _c, e) => expect(e).toMatch(/always uses its token/) }),
  step({
    op: 'displays.requireToken',
    title: 'a TRMNL device known by its MAC gets a key, shown once',
    before: async (c) => {
      const answer = await (await fetch(`${c.httpUrl}/api/display`, { headers: { ID: 'B8:27:EB:00:00:01' } })).json();
      expect(answer.filename).toMatch(/^pairing-/);
      const res = await fetch(`${c.httpUrl}/api/display`, { headers: { ID: 'B8:27:EB:00:00:01' } });
      expect(res.status).toBe(200);
    },
    args: () => ({ id: 2, required: true }), // the second display of this fresh database
    check: (r, c, e) => { ok(r, e); expect(r!.display).toMatchObject({ macAddress: 'B8:27:EB:00:00:01', macOnlyAuth: false, hasToken: true }); expect(r!.token).toEqual(expect.any(String)); c.trmnlId = r!.display.id; c.trmnlToken = r!.token!; },
  }),
  step({ op: 'displays.resetDevice', args: (c) => ({ id: c.trmnlId!, reset: true }), check: (r, _c, e) => { ok(r, e); expect(r!.resetRequested).toBe(true); } }),
  step({
    op: 'displays.logs',
    before: async (c) => {
      const res = await fetch(`${c.httpUrl}/api/log`, { method: 'POST', headers: { 'Access-Token': c.trmnlToken!, 'Content-Type': 'application/json' }, body: JSON.stringify({ logs: [{ message: 'hello from the device' }] }) });
      expect(res.status).toBe(204);
    },
    args: (c) => ({ id: c.trmnlId! }),
    check: (r, _c, e) => { ok(r, e); expect(r!.map((l) => l.message)).toEqual(['hello from the device']); },
  }),
  step({
    op: 'displays.telemetry',
    args: (c) => ({ id: c.displayId! }),
    check: (r, _c, e) => { ok(r, e); expect(Array.isArray(r!.samples)).toBe(true); },
  }),
  step({
    op: 'frameProgram.installInfo',
    args: none,
    check: (r, _c, e) => {
      ok(r, e);
      // Either the command for this server, or why there is none (a checkout whose frame program was never built).
      if (r!.command) expect(r!.command).toMatch(/^curl -fsSL http:\/\/\S+:\d+\/frame\/install\.sh \| sudo sh$/);
      else expect(r!.problem).toMatch(/npm run build|not listening/);
      expect(r!.panelGuideUrl).toBe('/frame/panel-guide');
    },
  }),
  step({ op: 'integrations.getKey', args: none, check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ configured: false, createdAt: null }); } }),
  step({ op: 'integrations.createKey', args: none, check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ configured: true, key: expect.stringMatching(/^ink_ro_/) }); } }),
  step({ op: 'integrations.revokeKey', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.configured).toBe(false); } }),
  step({ op: 'integrations.getControlKey', args: none, check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ configured: false, createdAt: null }); } }),
  step({ op: 'integrations.createControlKey', args: none, check: (r, _c, e) => { ok(r, e); expect(r).toMatchObject({ configured: true, key: expect.stringMatching(/^ink_ctl_/) }); } }),
  step({ op: 'integrations.revokeControlKey', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.configured).toBe(false); } }),

  step({ op: 'jobs.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((j) => j.name)).toContain('cleanup'); } }),
  step({ op: 'jobs.update', args: () => ({ name: 'cleanup', patch: { cron: '0 4 * * *' } }), check: (r, _c, e) => { ok(r, e); expect(r!.cron).toBe('0 4 * * *'); } }),
  step({ op: 'jobs.update', title: 'a bad cron is refused', args: () => ({ name: 'cleanup', patch: { cron: 'often' } }), check: (_r, _c, e) => expect(e).toMatch(/^cron: /) }),
  step({ op: 'jobs.run', args: () => ({ name: 'cleanup' }), check: (r, c, e) => { ok(r, e); expect(r!.jobName).toBe('cleanup'); c.executionId = r!.id; } }),
  step({ op: 'jobs.executions', args: () => ({ name: 'cleanup' }), check: (r, c, e) => { ok(r, e); expect(r!.map((x) => x.id)).toContain(c.executionId); } }),
  step({ op: 'jobs.logs', args: (c) => ({ executionId: c.executionId! }), check: (r, _c, e) => { ok(r, e); expect(Array.isArray(r)).toBe(true); } }),

  step({ op: 'weather.current', args: none, check: (r, _c, e) => { expect(e).toBeUndefined(); expect(r).toBeNull(); } }),
  step({
    op: 'weather.searchLocations',
    args: () => ({ query: 'Berlin' }),
    check: (r, _c, e) => { ok(r, e); expect(r![0]).toMatchObject({ name: 'Berlin' }); expect(r![0].latitude).toBeCloseTo(52.52, 1); },
  }),
  step({ op: 'calendars.add', args: () => ({ name: 'Family', url: 'https://calendar.example/family.ics' }), check: (r, c, e) => { ok(r, e); expect(r!.enabled).toBe(true); c.calendarId = r!.id; } }),
  step({ op: 'calendars.add', title: 'a feed must be a URL', args: () => ({ name: 'Bad', url: 'family' }), check: (_r, _c, e) => expect(e).toMatch(/^url: /) }),
  step({ op: 'calendars.update', args: (c) => ({ id: c.calendarId!, enabled: false }), check: (r, _c, e) => { ok(r, e); expect(r!.enabled).toBe(false); } }),
  step({ op: 'calendars.list', args: none, check: (r, _c, e) => { ok(r, e); expect(r!.map((x) => x.name)).toEqual(['Family']); } }),
  step({ op: 'calendars.remove', args: (c) => ({ id: c.calendarId! }), check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ deleted: true }); } }),
  step({
    op: 'providers.test',
    args: () => ({ provider: 'ollama' }),
    check: (r, _c, e) => { ok(r, e); expect(r!.ok).toBe(true); expect(r!.message).toMatch(/connected/); },
  }),

  step({ op: 'displays.revoke', args: (c) => ({ id: c.displayId! }), check: (r, _c, e) => { ok(r, e); expect(r!.status).toBe('revoked'); } }),
  step({ op: 'displays.delete', args: (c) => ({ id: c.displayId! }), check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ deleted: true }); } }),
  step({ op: 'photos.delete', args: (c) => ({ id: c.photoId! }), check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ deleted: true }); } }),
  step({ op: 'playlists.delete', args: (c) => ({ id: c.playlistId! }), check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ deleted: true }); } }),
  step({ op: 'mashups.delete', args: (c) => ({ id: c.mashupId! }), check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ deleted: true }); } }),
  step({ op: 'screens.delete', args: (c) => ({ id: c.screenId! }), check: (r, _c, e) => { ok(r, e); expect(r).toEqual({ deleted: true }); } }),
];

import fs from 'node:fs';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreContext } from '../../main/core/app-context.ts';
import { AppEvents, type AppEventMap, type AppEventName } from '../../main/core/events.ts';
import { createStores } from '../../main/create-stores.ts';
import { IntegrationKeyStore } from '../../main/integrations/integration-key-store.ts';
import { ExecutionQueue } from '../../main/jobs/execution-queue.ts';
import { ProfileStore } from '../../main/panel-images/profile-store.ts';
import { AdminTokenStore } from '../../main/settings/admin-token-store.ts';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { SettingsStore } from '../../main/settings/settings-store.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { ExecutionEntity, type Job } from '../../main/storage/entities/job.ts';
import { PhotoEntity, VariantEntity } from '../../main/storage/entities/photo.ts';
import { DisplayLogStore } from '../../main/trmnl/log-store.ts';
import { testDatabases, useTestDatabase } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

interface World {
  stores: StoreContext;
  profiles: ProfileStore;
  adminTokens: AdminTokenStore;
  integrationKeys: IntegrationKeyStore;
  displayLogs: DisplayLogStore;
  executions: ExecutionQueue;
  /** Another node's queue, taking the job runner role over. */
  takingOver: ExecutionQueue;
  job: Job;
  /** An execution another job runner left running. */
  runningId: number;
  displayId: number;
  photoId: number;
  variantId: number;
  calendarId: number;
}

interface Write {
  store: string;
  method: string;
  event: AppEventName;
  run(world: World): Promise<unknown>;
}

const now = () => new Date('2026-01-05T10:00:00Z');
const WEATHER = { provider: 'open-meteo' as const, locationName: 'Here', latitude: 52.5, longitude: 13.4, timeZone: 'Europe/Berlin', observedAt: null, current: null, days: [] };
const PROFILE = { id: 'test-panel', label: 'Test panel', width: 100, height: 50, palette: [[0, 0, 0], [255, 255, 255]] };

/** Every writing method of every store, with the event it must announce: a new writing method belongs here. */
const WRITES: Write[] = [
  { store: 'DisplayStore', method: 'create', event: 'displays-changed', run: ({ stores }) => stores.displays.create({ ...newDisplay(), hardwareId: 'sim:second', humanId: 'bbb-bbb-bbb' }) },
  { store: 'DisplayStore', method: 'update', event: 'displays-changed', run: (w) => w.stores.displays.update(w.displayId, { name: 'Hall' }) },
  { store: 'DisplayStore', method: 'write', event: 'displays-changed', run: (w) => w.stores.displays.write(w.displayId, { messageText: 'hi' }) },
  { store: 'DisplayStore', method: 'markShowing', event: 'displays-changed', run: (w) => w.stores.displays.markShowing(w.displayId, w.variantId, now()) },
  { store: 'DisplayStore', method: 'setRules', event: 'displays-changed', run: (w) => w.stores.displays.setRules(w.displayId, [{ weekday: 1, startMinute: 0, endMinute: 60, mode: 'dashboard' }]) },
  { store: 'DisplayStore', method: 'setOverride', event: 'displays-changed', run: (w) => w.stores.displays.setOverride(w.displayId, 'dashboard', new Date(now().getTime() + 60_000), now()) },
  { store: 'DisplayStore', method: 'markPlaylistPlace', event: 'displays-changed', run: (w) => w.stores.displays.markPlaylistPlace(w.displayId, 1, now()) },
  { store: 'DisplayStore', method: 'clearOverride', event: 'displays-changed', run: (w) => w.stores.displays.clearOverride(w.displayId) },
  { store: 'DisplayStore', method: 'writeTelemetry', event: 'displays-changed', run: (w) => w.stores.displays.writeTelemetry([{ displayId: w.displayId, values: { lastSeen: now(), rssi: -50 } }]) },
  { store: 'DisplayStore', method: 'markOutageAnnounced', event: 'displays-changed', run: async (w) => {
    await w.stores.displays.write(w.displayId, { lastSeen: now() });
    return w.stores.displays.markOutageAnnounced(await w.stores.displays.get(w.displayId));
  } },
  { store: 'DisplayStore', method: 'remove', event: 'displays-changed', run: (w) => w.stores.displays.remove(w.displayId) },
  { store: 'PanelImageStore', method: 'ensure', event: 'panel-images-stored', run: (w) => panelImage(w) },
  { store: 'PanelImageStore', method: 'removeUnassigned', event: 'panel-images-stored', run: async (w) => {
    await panelImage(w);
    return w.stores.panelImages.removeUnassigned(new Date(Date.now() + 60_000));
  } },
  { store: 'PanelImageStore', method: 'assign', event: 'panel-image-changed', run: async (w) => w.stores.panelImages.assign(w.displayId, await panelImage(w), 'photo', now()) },
  { store: 'PhotoStore', method: 'markPhoto', event: 'photos-changed', run: (w) => w.stores.photos.markPhoto(w.photoId, { hidden: true }) },
  { store: 'PhotoStore', method: 'dislikePhoto', event: 'photos-changed', run: (w) => w.stores.photos.dislikePhoto(w.photoId) },
  { store: 'PhotoStore', method: 'markAddedByUser', event: 'photos-changed', run: (w) => w.stores.photos.markAddedByUser(w.photoId) },
  { store: 'PhotoStore', method: 'markVariantFavourite', event: 'photos-changed', run: (w) => w.stores.photos.markVariantFavourite(w.variantId, true) },
  { store: 'PhotoStore', method: 'dislikeVariant', event: 'photos-changed', run: (w) => w.stores.photos.dislikeVariant(w.variantId) },
  { store: 'PhotoStore', method: 'addImported', event: 'photos-changed', run: (w) => w.stores.photos.addImported({ ...newPhoto(), contentHash: 'd'.repeat(64) }, { ...newVariant(), contentHash: 'd'.repeat(64) }) },
  { store: 'PhotoStore', method: 'addVariant', event: 'photos-changed', run: (w) => w.stores.photos.addVariant({ ...newVariant(), photoId: w.photoId, style: 'woodcut' }) },
  { store: 'PhotoStore', method: 'saveClassification', event: 'photos-changed', run: (w) => w.stores.photos.saveClassification(w.photoId, {
    quality: 'GOOD', contentType: 'Landscape', orientation: 'square', peopleCount: 0, description: 'a field', classifiedAt: now(), classifier: 'builtin',
  }) },
  { store: 'PhotoStore', method: 'removePhoto', event: 'photos-changed', run: (w) => w.stores.photos.removePhoto(w.photoId) },
  { store: 'CalendarStore', method: 'add', event: 'content-changed', run: (w) => w.stores.calendars.add({ name: 'Work', url: 'https://example.com/w.ics' }, now()) },
  { store: 'CalendarStore', method: 'update', event: 'content-changed', run: (w) => w.stores.calendars.update(w.calendarId, { enabled: false }) },
  { store: 'CalendarStore', method: 'removeByName', event: 'content-changed', run: (w) => w.stores.calendars.removeByName('Family') },
  { store: 'CalendarStore', method: 'replaceOccurrences', event: 'content-changed', run: (w) => w.stores.calendars.replaceOccurrences(w.calendarId, [{
    uid: 'standup', recurrenceId: null, start: now(), end: new Date(now().getTime() + 900_000), allDay: false, summary: 'Stand-up', location: null, sourceTimeZone: null,
  }], now()) },
  { store: 'CalendarStore', method: 'recordError', event: 'content-changed', run: (w) => w.stores.calendars.recordError(w.calendarId, 'HTTP 404') },
  { store: 'ArtStyleStore', method: 'set', event: 'photos-changed', run: (w) => w.stores.artStyles.set('woodcut', { enabled: false }) },
  { store: 'ShowHistoryStore', method: 'record', event: 'displays-changed', run: (w) => w.stores.shows.record(w.displayId, w.variantId, now()) },
  { store: 'PictureSourceStore', method: 'save', event: 'content-changed', run: (w) => w.stores.pictureSources.save(sourceItem(w)) },
  { store: 'PictureSourceStore', method: 'remove', event: 'content-changed', run: async (w) => {
    await w.stores.pictureSources.save(sourceItem(w));
    return w.stores.pictureSources.remove((await w.stores.pictureSources.itemsOf('apod')).map((item) => item.id));
  } },
  { store: 'StatsStore', method: 'add', event: 'content-changed', run: (w) => w.stores.stats.add(statsSample(now())) },
  { store: 'StatsStore', method: 'prune', event: 'content-changed', run: async (w) => {
    await w.stores.stats.add(statsSample(new Date(now().getTime() - 86_400_000)));
    return w.stores.stats.prune(now());
  } },
  { store: 'WeatherStore', method: 'save', event: 'content-changed', run: (w) => w.stores.weather.save(WEATHER, now()) },
  { store: 'SettingsStore', method: 'set', event: 'content-changed', run: (w) => w.stores.settings.set('server.name', 'Attic') },
  { store: 'ProfileStore', method: 'saveCustom', event: 'content-changed', run: (w) => w.profiles.saveCustom(PROFILE) },
  { store: 'AdminTokenStore', method: 'mint', event: 'admin-tokens-changed', run: (w) => w.adminTokens.mint('script') },
  { store: 'IntegrationKeyStore', method: 'create', event: 'content-changed', run: (w) => w.integrationKeys.create() },
  { store: 'IntegrationKeyStore', method: 'revoke', event: 'content-changed', run: (w) => w.integrationKeys.revoke() },
  { store: 'JobStore', method: 'addIfMissing', event: 'jobs-changed', run: (w) => w.stores.jobStore.addIfMissing({ name: 'second', kind: 'cleanup', cron: null, timeZone: 'UTC', enabled: true, params: '{}', sortOrder: 2 }) },
  { store: 'JobStore', method: 'update', event: 'jobs-changed', run: (w) => w.stores.jobStore.update(w.job, { enabled: false }, () => undefined) },
  { store: 'JobStore', method: 'appendLog', event: 'job-log', run: (w) => w.stores.jobStore.appendLog({ executionId: w.runningId, seq: 1, time: now(), level: 'info', message: 'hello', context: null }) },
  { store: 'JobStore', method: 'pruneExecutions', event: 'jobs-changed', run: (w) => w.stores.jobStore.pruneExecutions(now()) },
  { store: 'ExecutionQueue', method: 'interruptPreviousRunners', event: 'execution-changed', run: (w) => w.takingOver.interruptPreviousRunners() },
  { store: 'ExecutionQueue', method: 'recoverAbandoned', event: 'execution-changed', run: (w) => w.takingOver.recoverAbandoned() },
  { store: 'ExecutionQueue', method: 'heartbeat', event: 'execution-changed', run: (w) => w.executions.heartbeat(w.runningId, { done: 1, total: 2 }) },
  { store: 'ExecutionQueue', method: 'finish', event: 'execution-changed', run: (w) => w.executions.finish(w.runningId, { status: 'success', summary: 'done', error: null }) },
  { store: 'ExecutionQueue', method: 'enqueue', event: 'execution-changed', run: async (w) => {
    await w.executions.finish(w.runningId, { status: 'success', summary: 'done', error: null });
    await w.executions.enqueue(w.job.id, {}, 'manual');
  } },
  { store: 'ExecutionQueue', method: 'claim', event: 'execution-changed', run: async (w) => {
    await w.executions.finish(w.runningId, { status: 'success', summary: 'done', error: null });
    const { execution } = await w.executions.enqueue(w.job.id, {}, 'manual');
    w.stores.events.on('execution-changed', (change) => expect(change.status).toBe('running'));
    await w.executions.claim(execution.id);
  } },
  { store: 'DisplayLogStore', method: 'add', event: 'displays-changed', run: (w) => w.displayLogs.add(w.displayId, [{ loggedAt: null, message: 'wifi ok', source: null, details: null }]) },
];

describe.each(testDatabases('every writing store method announces its change'))('every writing store method announces its change (%s)', (database) => {
  const settings = useTestDatabase(database);
  let dataDir: string;
  let db: DataSource;
  let world: World;
  let events: AppEvents;

  beforeAll(async () => {
    dataDir = tempDataDir('inkstand-store-events-');
    db = await openDatabase(dataDir, { databaseUrl: settings().databaseUrl });
  });

  afterAll(async () => {
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(WRITES)('$store.$method announces $event', async (write) => {
    world = await freshWorld(db, dataDir);
    events = world.stores.events;
    const heard: AppEventMap[AppEventName][] = [];
    events.on(write.event, (payload) => heard.push(payload));
    await write.run(world);
    expect(heard.length, `${write.store}.${write.method} wrote without announcing ${write.event}`).toBeGreaterThan(0);
  });

  it('lists every public writing method of the stores it covers', async () => {
    world = await freshWorld(db, dataDir);
    const covered = new Set(WRITES.map((w) => `${w.store}.${w.method}`));
    const { stores } = world;
    const writers: Record<string, object> = {
      DisplayStore: stores.displays, PanelImageStore: stores.panelImages, PhotoStore: stores.photos, ArtStyleStore: stores.artStyles, ShowHistoryStore: stores.shows,
      CalendarStore: stores.calendars, WeatherStore: stores.weather, StatsStore: stores.stats, PictureSourceStore: stores.pictureSources,
      JobStore: stores.jobStore, ExecutionQueue: world.executions,
    };
    const WRITE_NAME = /^(create|update|write|mark|set|clear|remove|save|add|record|replace|prune|ensure|append|enqueue|claim|heartbeat|finish|interrupt|recover|dislike|revoke|mint|assign|writeTelemetry)/;
    for (const [store, instance] of Object.entries(writers)) {
      const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(instance)).filter((m) => m !== 'constructor' && WRITE_NAME.test(m));
      for (const method of methods) expect(covered, `${store}.${method} writes but is not in WRITES`).toContain(`${store}.${method}`);
    }
  });
});

function newDisplay() {
  return {
    hardwareId: 'sim:first', humanId: 'aaa-aaa-aaa', name: 'aaa-aaa-aaa', protocol: 'native' as const, status: 'approved' as const, pairingCode: '123456',
    tokenHash: null, profileId: 'inky-impression-7.3', rotation: 0, timeZone: 'UTC', defaultMode: 'photo' as const, defaultItemId: null, playlistPosition: null, playlistSince: null, rotationIntervalS: 3600, pollIntervalS: 300,
    quietStart: null, quietEnd: null, buttonMap: null, pictureSettings: null, messageText: null, currentVariantId: null, currentSince: null, lastSeen: null,
    batteryVoltage: null, rssi: null, firmware: null, requestedWidth: 800, requestedHeight: 480, createdAt: now(), approvedAt: now(), requireToken: false,
    imageSecret: 'secret', specialFunction: 'identify' as const, resetRequested: false, notifyOffline: true, cpuTemperature: null, uptimeS: null, offlineNotifiedFor: null,
  };
}

/** Empties the tables the writes touch and seeds one of each record, so every write starts from the same ground. */
async function freshWorld(db: DataSource, dataDir: string): Promise<World> {
  for (const table of [
    'job_execution_logs', 'job_executions', 'jobs', 'display_logs', 'display_frames', 'frames', 'overrides', 'weekly_rules', 'displays', 'shown_variants', 'picture_source_items', 'variants', 'photos',
    'calendar_occurrences', 'calendars', 'settings', 'panel_profiles', 'art_style_settings', 'stats_samples',
  ]) {
    await db.query(`DELETE FROM ${table}`);
  }
  const events = new AppEvents();
  const settings = new SettingsStore(db, fileKeyCipher(dataDir), events, {});
  const profiles = new ProfileStore(db, events);
  const stores = createStores({ dataDir, db, settings, events, log: pino({ level: 'silent' }), now }, profiles);
  const display = await stores.displays.create(newDisplay());
  const photo = await db.getRepository(PhotoEntity).save(newPhoto());
  const variant = await db.getRepository(VariantEntity).save({ ...newVariant(), photoId: photo.id });
  const calendar = await stores.calendars.add({ name: 'Family', url: 'https://example.com/f.ics' }, now());
  await stores.jobStore.addIfMissing({ name: 'first', kind: 'cleanup', cron: null, timeZone: 'UTC', enabled: true, params: '{}', sortOrder: 1 });
  const job = (await stores.jobStore.byName('first'))!;
  const longAgo = new Date(now().getTime() - 86_400_000);
  await db.getRepository(ExecutionEntity).insert({ jobId: job.id, params: '{}', status: 'success', trigger: 'manual', queuedAt: longAgo, startedAt: longAgo, finishedAt: longAgo });
  // Left running by another node's job runner that has not been heard of for a day (so both takeover and lease recovery apply).
  const running = await db.getRepository(ExecutionEntity).insert({
    jobId: job.id, params: '{}', status: 'running', trigger: 'schedule', queuedAt: longAgo, startedAt: longAgo, heartbeatAt: longAgo, ownerHost: 'elsewhere', ownerPid: 1, runnerNode: 'node-z',
  });
  const runningId = running.identifiers[0].id as number;
  // This process's queue, made the owner of that execution for the writes that need one (heartbeat, finish).
  const queueOf = (owner: { host: string; pid: number }) => new ExecutionQueue({ db, events, now, leaseMs: 60_000, runnerNode: 'node-a', jobName: async () => 'first', owner });
  return {
    stores, profiles, executions: queueOf({ host: 'elsewhere', pid: 1 }), takingOver: queueOf({ host: 'here', pid: 2 }), job, runningId, displayId: display.id, photoId: photo.id, variantId: variant.id, calendarId: calendar.id,
    adminTokens: new AdminTokenStore(db, events, fileKeyCipher(dataDir)),
    integrationKeys: new IntegrationKeyStore(db, events, now),
    displayLogs: new DisplayLogStore(db, events, now),
  };
}

function newPhoto() {
  return {
    contentHash: 'c'.repeat(64), originalName: 'a.jpg', originalPath: 'photos/a.jpg', thumbPath: 'photos/a.webp', width: 10, height: 10, format: 'jpeg', importedAt: now(),
    favourite: false, hidden: false, dislikes: 0, quality: null, contentType: null, orientation: null, peopleCount: null, description: null, classifiedAt: null, classifier: null,
    addedByUser: true,
  };
}

function newVariant() {
  return { photoId: 0, style: 'original', filePath: 'photos/a.jpg', contentHash: 'c'.repeat(64), provider: 'none', createdAt: now(), favourite: false, dislikes: 0, generationContext: null, score: null };
}

function sourceItem(world: World) {
  return { source: 'apod', externalId: '2026-01-05', photoId: world.photoId, checksum: null, title: 'Nebula', credit: 'NASA', licence: null, link: null, syncedAt: now() };
}

function statsSample(sampledAt: Date) {
  return {
    sampledAt, cpuPct: 10, memUsedPct: 50, memUsedBytes: 4e9, memTotalBytes: 8e9, swapUsedPct: null, diskUsedPct: 40, diskUsedBytes: 4e11, diskTotalBytes: 1e12,
    netRxBytesPerS: 100, netTxBytesPerS: 10,
  };
}

function panelImage(world: World) {
  return world.stores.panelImages.ensure({ renderKey: 'k'.repeat(64), sourceKind: 'test', sourceRef: 'test', produce: async () => Buffer.from('png') });
}

import os from 'node:os';
import type { DataSource } from 'typeorm';
import { ListenerInfo } from './admin/server-info.ts';
import { AdminTokenStore } from './settings/admin-token-store.ts';
import { DeviceAuth } from './displays/device-auth.ts';
import { Pairing } from './displays/pairing.ts';
import { OfflineMonitor } from './displays/offline-monitor.ts';
import { TelemetryRecorder } from './displays/telemetry.ts';
import { TelemetryHistoryStore } from './displays/telemetry-history-store.ts';
import { FrameBundleSource } from './frame-program/bundle.ts';
import { FrameListenersHolder } from './frame-program/listeners.ts';
import { ProfileStore } from './panel-images/profile-store.ts';
import { holdImagePool } from './imaging/pool.ts';
import { IntegrationKeyStore } from './integrations/integration-key-store.ts';
import { JobService } from './jobs/job-service.ts';
import { JOB_KINDS } from './jobs/registry.ts';
import { PanelImageRequests } from './display-content/panel-image-requests.ts';
import { DisplayActions } from './display-content/display-actions.ts';
import { LibraryPicker } from './display-content/library-picker.ts';
import { DisplayContentService } from './display-content/display-content-service.ts';
import { ItemContent } from './display-content/item-content.ts';
import { RotationPolicy } from './display-content/rotation-policy.ts';
import { NodeStore } from './nodes/node-store.ts';
import { MarkupAdapter } from './screens/markup-adapter.ts';
import { RecipeAdapter } from './screens/recipe-adapter.ts';
import { createScreensFeature, type ScreensFeature } from './screens/screens-feature.ts';
import { fileKeyCipher, type SecretCipher } from './settings/secret-cipher.ts';
import { SettingsStore } from './settings/settings-store.ts';
import { ExternalChanges } from './storage/data-version.ts';
import { openDatabase } from './storage/database.ts';
import { DisplayEntity } from './storage/entities/display.ts';
import { DisplayLogStore } from './trmnl/log-store.ts';
import { TrmnlService } from './trmnl/trmnl-service.ts';
import type { AppContext, StoreContext } from './core/app-context.ts';
import { createScreenStores, createStores } from './create-stores.ts';
import { AppEvents } from './core/events.ts';
import { createLogger, type Logger } from './core/logger.ts';

export interface CoreOptions {
  /** `postgres://…` (`--database`): that database instead of the data dir's SQLite file. */
  databaseUrl?: string;
  /** `--node-name`: this node among several sharing one database. */
  nodeName?: string;
  /** A better-sqlite3 addon built for this runtime, where the installed one is built for another (Electron from a checkout). */
  sqliteBinding?: string;
  cipher?: SecretCipher;
  now?: () => Date;
  log?: Logger;
  /** Where the built frame program is (default dist/frame). */
  frameBundleDir?: string;
}

/**
 * The services of one process over one data dir, with no listeners: the server and the CLI both
 * build on it. This is the composition root: only it and its direct callers (server.ts, the CLI's
 * with-core.ts, the desktop main) see the whole; each adapter is handed the few parts it names.
 */
export interface Core extends StoreContext {
  /** The one DataSource, for the composition roots only (server.ts watches it for other processes' changes and holds the job runner's lock on it). */
  db: DataSource;
  app: AppContext;
  /** The stores as one value, for the library and lookup functions that take them together. */
  library: StoreContext;
  panelImageRequests: PanelImageRequests;
  pairing: Pairing;
  deviceAuth: DeviceAuth;
  displayContent: DisplayContentService;
  actions: DisplayActions;
  profiles: ProfileStore;
  telemetry: TelemetryRecorder;
  telemetryHistory: TelemetryHistoryStore;
  /** Marks displays offline when they fall silent and announces each outage once (`display-offline`). */
  offline: OfflineMonitor;
  adminTokens: AdminTokenStore;
  /** The nodes serving this database (each server's heartbeat row) and this one's name among them. */
  nodes: NodeStore;
  nodeName: string;
  integrationKeys: IntegrationKeyStore;
  displayLogs: DisplayLogStore;
  trmnl: TrmnlService;
  jobs: JobService;
  /** Screens, mashups and playlists (DESIGN.md §12). */
  screens: ScreensFeature;
  frameProgram: { bundle: FrameBundleSource; listeners: FrameListenersHolder };
  /** The server publishes its ports here once it listens (null in the CLI). */
  listeners: ListenerInfo;
  close(): Promise<void>;
}

export async function createCore(dataDir: string, options: CoreOptions = {}): Promise<Core> {
  const db = await openDatabase(dataDir, { databaseUrl: options.databaseUrl, nodeName: options.nodeName, sqliteBinding: options.sqliteBinding });
  const now = options.now ?? (() => new Date());
  const events = new AppEvents();
  const log = options.log ?? createLogger(dataDir);
  const cipher = options.cipher ?? fileKeyCipher(dataDir);
  const settings = new SettingsStore(db, cipher, events);
  const profiles = new ProfileStore(db, events);
  const stores = createStores({ dataDir, db, settings, events, log, now }, profiles);
  const { displays, panelImages } = stores;

  const picker = new LibraryPicker(stores);
  const panelImageRequests = new PanelImageRequests(stores, profiles);
  const recipes = new RecipeAdapter();
  const screenStores = createScreenStores({ db, events, now }, recipes);
  const screens = createScreensFeature({ dataDir, stores: screenStores, events, log, now, recipes, markup: new MarkupAdapter(), usage: (mode, id) => displays.namesShowing(mode, id), builtinSources: { weather: stores.weather, settings, calendars: stores.calendars } });
  const items = new ItemContent(screens, profiles);
  const policy = new RotationPolicy({ displays, panelImages, requests: panelImageRequests, profiles, picker, settings, items });
  const displayContent = new DisplayContentService({ policy, displays, picker, events, log, now });
  const app: AppContext = { ...stores, displayContent };
  const jobs = new JobService(app, JOB_KINDS, { nodeName: options.nodeName });
  const telemetryHistory = new TelemetryHistoryStore(db);
  const telemetry = new TelemetryRecorder({ displays, history: telemetryHistory, log, now });
  const offline = new OfflineMonitor(app, (displayId) => displayContent.inMemory(displayId)?.restUntil);
  const pairing = new Pairing({ displays, settings, events, now });
  const actions = new DisplayActions({ displays, displayContent, picker, now });
  const displayLogs = new DisplayLogStore(db, events, now);
  const releaseImagePool = holdImagePool();
  return {
    ...stores,
    db,
    app,
    library: stores,
    panelImageRequests,
    pairing,
    deviceAuth: new DeviceAuth({ displays, events, external: new ExternalChanges(db, [db.getMetadata(DisplayEntity).tableName], { displaysApart: true }) }),
    displayContent,
    actions,
    profiles,
    telemetry,
    telemetryHistory,
    offline,
    adminTokens: new AdminTokenStore(db, events, cipher),
    nodes: new NodeStore(db),
    nodeName: options.nodeName ?? os.hostname(),
    integrationKeys: new IntegrationKeyStore(db, events, now),
    displayLogs,
    trmnl: new TrmnlService({ displays, pairing, displayContent, actions, panelImages, panelImageRequests, telemetry, logs: displayLogs, now }),
    jobs,
    listeners: new ListenerInfo(),
    screens,
    frameProgram: { bundle: new FrameBundleSource(options.frameBundleDir), listeners: new FrameListenersHolder() },
    async close() {
      screens.data.stop();
      await telemetry.stop();
      offline.stop();
      displayContent.stop();
      await releaseImagePool();
      await db.destroy();
      log.flush?.();
    },
  };
}

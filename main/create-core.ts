import type { DataSource } from 'typeorm';
import { AdminTokens } from './admin/admin-tokens.ts';
import { DeviceAuth } from './displays/device-auth.ts';
import { Pairing } from './displays/pairing.ts';
import { OfflineMonitor } from './displays/offline-monitor.ts';
import { TelemetryRecorder } from './displays/telemetry.ts';
import { TelemetryHistory } from './displays/telemetry-history.ts';
import { FrameBundleSource } from './frame-program/bundle.ts';
import { FrameListenersHolder } from './frame-program/listeners.ts';
import { PanelImageStore } from './panel-images/panel-image-store.ts';
import { ProfileRegistry } from './panel-images/profile-registry.ts';
import { closeImagePool } from './imaging/pool.ts';
import { IntegrationKeys } from './integrations/integration-keys.ts';
import { JobService } from './jobs/job-service.ts';
import { JOB_KINDS } from './jobs/registry.ts';
import { PanelImageRequests } from './display-content/panel-image-requests.ts';
import { DisplayActions } from './display-content/display-actions.ts';
import { LibraryPicker } from './display-content/library-picker.ts';
import { DisplayContentService } from './display-content/display-content-service.ts';
import { fileKeyCipher, type SecretCipher } from './settings/secret-cipher.ts';
import { SettingsStore } from './settings/settings-store.ts';
import { openDatabase } from './storage/database.ts';
import { DisplayLogStore } from './trmnl/log-store.ts';
import { TrmnlService } from './trmnl/trmnl-service.ts';
import type { AppContext } from './core/app-context.ts';
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

/** The services of one process over one data dir, with no listeners: the server and the CLI both build on it. */
export interface Core {
  app: AppContext;
  db: DataSource;
  pairing: Pairing;
  deviceAuth: DeviceAuth;
  displayContent: DisplayContentService;
  actions: DisplayActions;
  profiles: ProfileRegistry;
  panelImages: PanelImageStore;
  telemetry: TelemetryRecorder;
  telemetryHistory: TelemetryHistory;
  /** Marks displays offline when they fall silent and announces each outage once (`display-offline`). */
  offline: OfflineMonitor;
  adminTokens: AdminTokens;
  integrationKeys: IntegrationKeys;
  displayLogs: DisplayLogStore;
  trmnl: TrmnlService;
  jobs: JobService;
  /** The frame program this server hands out, and where it listens (for the installer it writes). */
  frameProgram: { bundle: FrameBundleSource; listeners: FrameListenersHolder };
  close(): Promise<void>;
}

export async function createCore(dataDir: string, options: CoreOptions = {}): Promise<Core> {
  const db = await openDatabase(dataDir, { databaseUrl: options.databaseUrl, nodeName: options.nodeName, sqliteBinding: options.sqliteBinding });
  const now = options.now ?? (() => new Date());
  const events = new AppEvents();
  const log = options.log ?? createLogger(dataDir);
  const settings = new SettingsStore(db, options.cipher ?? fileKeyCipher(dataDir));
  const profiles = new ProfileRegistry(db);
  const panelImages = new PanelImageStore(db, dataDir, now);
  // The display content service needs the app context and the context names it: tie the knot once here.
  const app = { dataDir, db, settings, events, log, now } as AppContext;
  const picker = new LibraryPicker(app);
  const panelImageRequests = new PanelImageRequests(app, profiles);
  const displayContent = new DisplayContentService(app, panelImages, panelImageRequests, profiles, picker);
  app.displayContent = displayContent;
  const jobs = new JobService(app, JOB_KINDS);
  const telemetryHistory = new TelemetryHistory(db);
  const telemetry = new TelemetryRecorder(app, telemetryHistory);
  const offline = new OfflineMonitor(app, (displayId) => displayContent.inMemory(displayId)?.restUntil);
  const pairing = new Pairing(db, settings, events, now);
  const actions = new DisplayActions(app, displayContent, picker);
  const displayLogs = new DisplayLogStore(db, now);
  return {
    app,
    db,
    pairing,
    deviceAuth: new DeviceAuth(db, events),
    displayContent,
    actions,
    profiles,
    panelImages,
    telemetry,
    telemetryHistory,
    offline,
    adminTokens: new AdminTokens(db),
    integrationKeys: new IntegrationKeys(db, now),
    displayLogs,
    trmnl: new TrmnlService({ db, events, pairing, displayContent, actions, panelImages, panelImageRequests, telemetry, logs: displayLogs, now }),
    jobs,
    frameProgram: { bundle: new FrameBundleSource(options.frameBundleDir), listeners: new FrameListenersHolder() },
    async close() {
      await telemetry.stop();
      offline.stop();
      displayContent.stop();
      await closeImagePool();
      await db.destroy();
      log.flush?.();
    },
  };
}

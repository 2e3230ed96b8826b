import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { AppContext } from '../../main/core/app-context.ts';
import type { TestContext } from '../helpers/test-context.ts';
import { AppEvents } from '../../main/core/events.ts';
import type { JobLogger, JobRun } from '../../main/jobs/types.ts';
import { SettingsStore } from '../../main/settings/settings-store.ts';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { createStores } from '../../main/create-stores.ts';
import { ProfileStore } from '../../main/panel-images/profile-store.ts';
import { DisplayEntity } from '../../main/storage/entities/display.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/library');

export interface TestApp {
  app: TestContext;
  dataDir: string;
  /** Everything the app logger wrote, parsed. */
  appLogs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** A real app context over a SQLite file in a fresh temp dir (or the PostgreSQL database given), with a logger the test can read. */
export async function createTestApp(options: { now?: () => Date; env?: NodeJS.ProcessEnv; databaseUrl?: string } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-library-'));
  const db = await openDatabase(dataDir, { databaseUrl: options.databaseUrl });
  const appLogs: Record<string, unknown>[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void appLogs.push(JSON.parse(line)) });
  const events = new AppEvents();
  const base = { dataDir, db, settings: new SettingsStore(db, fileKeyCipher(dataDir), events, options.env ?? {}), events, log, now: options.now ?? (() => new Date()) };
  const app: TestContext = {
    ...createStores(base, new ProfileStore(db, events)),
    db,
    displayContent: { refreshAll: async () => 0, prerenderDashboards: async () => 0 },
  };
  return {
    app,
    dataDir,
    appLogs,
    async close() {
      await db.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LogLine {
  level: string;
  message: string;
  context?: Record<string, unknown>;
}

/** A JobRun for calling a job kind directly, collecting its log lines. */
export function jobRun<P>(app: AppContext, params: P, signal = new AbortController().signal): { run: JobRun<P>; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, context?: Record<string, unknown>) => void lines.push({ level, message, context });
  const log: JobLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { run: { params, app, log, progress: () => {}, signal }, lines };
}

/** A display row, for the per-display history (shown_variants references displays). */
export async function createDisplay(app: TestContext, name = 'frame'): Promise<number> {
  const saved = await app.db.getRepository(DisplayEntity).save({
    hardwareId: `hw-${name}-${Math.random()}`, humanId: name.slice(0, 16) + Math.floor(Math.random() * 1000), name, protocol: 'native',
    status: 'approved', pairingCode: '000000', tokenHash: null, profileId: 'spectra6-13.3', rotation: 0, timeZone: 'UTC',
    defaultMode: 'photo', rotationIntervalS: 900, pollIntervalS: 60, quietStart: null, quietEnd: null, buttonMap: null,
    pictureSettings: null, messageText: null, currentVariantId: null, currentSince: null, lastSeen: null, batteryVoltage: null,
    rssi: null, firmware: null, requestedWidth: 1600, requestedHeight: 1200, createdAt: new Date(), approvedAt: new Date(),
  });
  return saved.id;
}

/** Every file under the data dir's photos folder, relative to it. */
export function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'photos');
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .sort();
}

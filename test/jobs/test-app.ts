import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { TestContext } from '../helpers/test-context.ts';
import type { JobService } from '../../main/jobs/job-service.ts';
import { AppEvents } from '../../main/core/events.ts';
import { fileKeyCipher } from '../../main/settings/secret-cipher.ts';
import { SettingsStore } from '../../main/settings/settings-store.ts';
import { openDatabase } from '../../main/storage/database.ts';
import { createStores } from '../../main/create-stores.ts';
import { ProfileStore } from '../../main/panel-images/profile-store.ts';

export interface TestApp {
  app: TestContext;
  dataDir: string;
  /** How often the fake display content service was asked to do each thing. */
  screenCalls: { refreshAll: number; prerenderDashboards: number };
  close(): Promise<void>;
}

/** A real app context over a fresh SQLite file in a temp dir (or the PostgreSQL database given), with a silent logger and a fake display content service. */
export async function createTestApp(options: { dataDir?: string; now?: () => Date; databaseUrl?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-test-'));
  const db = await openDatabase(dataDir, { databaseUrl: options.databaseUrl });
  const screenCalls = { refreshAll: 0, prerenderDashboards: 0 };
  const events = new AppEvents();
  const base = { dataDir, db, settings: new SettingsStore(db, fileKeyCipher(dataDir), events, {}), events, log: pino({ level: 'silent' }), now: options.now ?? (() => new Date()) };
  const app: TestContext = {
    ...createStores(base, new ProfileStore(db, events)),
    db,
    displayContent: {
      async refreshAll() {
        screenCalls.refreshAll++;
        return 2;
      },
      async prerenderDashboards() {
        screenCalls.prerenderDashboards++;
        return 1;
      },
    },
  };
  return {
    app,
    dataDir,
    screenCalls,
    async close() {
      if (db.isInitialized) await db.destroy();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls until the check returns a value other than undefined/false, or fails after the timeout. */
export async function waitFor<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Queues a job on the service and waits until its execution has finished. */
export async function runToEnd(service: JobService, name: string, params?: Record<string, unknown>) {
  const { id } = await service.runNow(name, params);
  return waitFor(async () => {
    const execution = await service.execution(id);
    return execution && !['queued', 'running'].includes(execution.status) ? execution : undefined;
  }, 20_000, `${name} to finish`);
}

/** A writable stand-in for stdout that keeps what was written. */
export function captureOutput(isTTY = false): NodeJS.WritableStream & { isTTY: boolean; text(): string } {
  let text = '';
  return {
    isTTY,
    write(chunk: string | Uint8Array) {
      text += String(chunk);
      return true;
    },
    text: () => text,
  } as unknown as NodeJS.WritableStream & { isTTY: boolean; text(): string };
}

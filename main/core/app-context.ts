import type { DataSource } from 'typeorm';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { AppEvents } from './events.ts';
import type { Logger } from './logger.ts';
import type { DisplayMode } from '../storage/entities/display.ts';

/** What the display content service offers to jobs and the admin contract. */
export interface DisplayContent {
  /** Re-renders the current content of every approved display (or those in `modes`) now, and wakes long-polling frames. Returns how many displays were refreshed. */
  refreshAll(options?: { modes?: DisplayMode[] }): Promise<number>;
  /** Renders the dashboard frame of every display that has dashboard mode anywhere in its schedule. */
  prerenderDashboards(): Promise<number>;
}

/** The shared services of one running app (server or CLI process), handed to jobs and admin operations. */
export interface AppContext {
  dataDir: string;
  db: DataSource;
  settings: SettingsStore;
  events: AppEvents;
  log: Logger;
  now(): Date;
  displayContent: DisplayContent;
}

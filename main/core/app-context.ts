import type { ArtStyleStore } from '../ai/art-style-store.ts';
import type { CalendarStore } from '../calendar/calendar-store.ts';
import type { DisplayStore } from '../displays/display-store.ts';
import type { JobStore } from '../jobs/job-store.ts';
import type { PhotoStore } from '../library/photo-store.ts';
import type { ShowHistoryStore } from '../library/show-history-store.ts';
import type { PanelImageStore } from '../panel-images/panel-image-store.ts';
import type { SettingsStore } from '../settings/settings-store.ts';
import type { PictureSourceStore } from '../sources/picture-source-store.ts';
import type { StatsStore } from '../stats/store.ts';
import type { WeatherStore } from '../weather/store.ts';
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

/**
 * The stores and plain services of one process (server or CLI), built first by the composition
 * root (create-core.ts); everything goes through its store. The DataSource is not here: only the
 * composition root holds it (`Core.db`).
 */
export interface StoreContext {
  dataDir: string;
  settings: SettingsStore;
  events: AppEvents;
  log: Logger;
  now(): Date;
  /** The database's change counter (null where there is none): another process's writes move it. */
  dataVersion(): number | null;
  displays: DisplayStore;
  panelImages: PanelImageStore;
  photos: PhotoStore;
  shows: ShowHistoryStore;
  artStyles: ArtStyleStore;
  calendars: CalendarStore;
  weather: WeatherStore;
  jobStore: JobStore;
  stats: StatsStore;
  pictureSources: PictureSourceStore;
}

/** What jobs run with: the stores, and the display content service they refresh. */
export interface AppContext extends StoreContext {
  displayContent: DisplayContent;
}

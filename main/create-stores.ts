import type { DataSource } from 'typeorm';
import { ArtStyleStore } from './ai/art-style-store.ts';
import { isStyleName } from './ai/styles.ts';
import { CalendarStore } from './calendar/calendar-store.ts';
import type { StoreContext } from './core/app-context.ts';
import type { AppEvents } from './core/events.ts';
import type { Logger } from './core/logger.ts';
import { DisplayStore } from './displays/display-store.ts';
import { JobStore } from './jobs/job-store.ts';
import { PhotoStore } from './library/photo-store.ts';
import { ShowHistoryStore } from './library/show-history-store.ts';
import { PanelImageStore } from './panel-images/panel-image-store.ts';
import type { ProfileStore } from './panel-images/profile-store.ts';
import type { SettingsStore } from './settings/settings-store.ts';
import { dataVersionReader } from './storage/data-version.ts';
import { MashupStore } from './screens/mashup-store.ts';
import { PlaylistStore } from './screens/playlist-store.ts';
import type { ScreenRecipes } from './screens/recipe-port.ts';
import { ScreenStore } from './screens/screen-store.ts';
import type { ScreenStores } from './screens/screens-feature.ts';
import { PictureSourceStore } from './sources/picture-source-store.ts';
import { StatsStore } from './stats/store.ts';
import { WeatherStore } from './weather/store.ts';

/** What every store is built from: the one DataSource, which stays with the composition root. */
export interface StoreBase {
  dataDir: string;
  db: DataSource;
  settings: SettingsStore;
  events: AppEvents;
  log: Logger;
  now(): Date;
}

/** The stores over one database, each announcing its writes on `events`; the first layer the composition root builds. */
export function createStores(base: StoreBase, profiles: Pick<ProfileStore, 'exists'>): StoreContext {
  const { db, ...shared } = base;
  const { events, log, dataDir, now } = shared;
  const photos = new PhotoStore({ db, events });
  return {
    ...shared,
    dataVersion: dataVersionReader(db),
    displays: new DisplayStore({ db, events, profileExists: (id) => profiles.exists(id) }),
    panelImages: new PanelImageStore({ db, events, log, dataDir, now }),
    photos,
    shows: new ShowHistoryStore({ db, events }),
    artStyles: new ArtStyleStore({ db, isStyle: isStyleName, changed: () => photos.changed() }),
    calendars: new CalendarStore({ db, events }),
    weather: new WeatherStore({ db, events }),
    jobStore: new JobStore({ db, events, now }),
    stats: new StatsStore({ db, events }),
    pictureSources: new PictureSourceStore({ db, events }),
  };
}

/** The screens feature's stores over the same database (screen values are coded by the recipe engine). */
export function createScreenStores(base: Pick<StoreBase, 'db' | 'events' | 'now'>, recipes: ScreenRecipes): ScreenStores {
  const { db, events, now } = base;
  return { store: new ScreenStore(db, events, now, recipes), mashups: new MashupStore(db, events), playlists: new PlaylistStore(db, events) };
}

import type { DataSource } from 'typeorm';
import type { AppEvents } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import type { ScreenMarkup } from './markup-port.ts';
import type { BuiltinSources } from './builtin-plugins.ts';
import { LiveScreens } from './live-screens.ts';
import { MashupStore } from './mashup-store.ts';
import { PlaylistStore } from './playlist-store.ts';
import type { ScreenRecipes } from './recipe-port.ts';
import { ScreenData } from './screen-data.ts';
import { ScreenDrawing } from './screen-drawing.ts';
import { ScreenLibrary, type UsageLookup } from './screen-library.ts';
import { ScreenPictures } from './screen-pictures.ts';
import { ScreenStore } from './screen-store.ts';

export interface ScreensFeatureDeps {
  dataDir: string;
  db: DataSource;
  events: AppEvents;
  log: Logger;
  now: () => Date;
  recipes: ScreenRecipes;
  markup: ScreenMarkup;
  usage?: UsageLookup;
  /** The stored weather and the settings, for the built-ins drawn from them. */
  builtinSources?: BuiltinSources;
}

/** The services of the screens feature, wired once for the composition root. */
export interface ScreensFeature {
  store: ScreenStore;
  mashups: MashupStore;
  playlists: PlaylistStore;
  library: ScreenLibrary;
  data: ScreenData;
  drawing: ScreenDrawing;
  markup: ScreenMarkup;
}

export function createScreensFeature(deps: ScreensFeatureDeps): ScreensFeature {
  const store = new ScreenStore(deps.db, deps.events, deps.now, deps.recipes);
  const mashups = new MashupStore(deps.db, deps.events);
  const playlists = new PlaylistStore(deps.db, deps.events);
  const library = new ScreenLibrary(deps.dataDir, store, mashups, playlists, deps.recipes, deps.usage);
  const live = new LiveScreens(store, deps.events, (id, value): Promise<void> => data.storeLive(id, value), deps.log, deps.now);
  const pictures = new ScreenPictures(library, deps.recipes, deps.log, deps.now);
  const data = new ScreenData(store, library, deps.recipes, deps.log, deps.now, pictures, live, deps.builtinSources);
  const drawing = new ScreenDrawing(store, mashups, library, data, deps.recipes, deps.markup, pictures);
  return { store, mashups, playlists, library, data, drawing, markup: deps.markup };
}

import type { AppEvents } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import type { ScreenMarkup } from './markup-port.ts';
import type { BuiltinSources } from './builtin-plugins.ts';
import { LiveScreens } from './live-screens.ts';
import type { MashupStore } from './mashup-store.ts';
import type { PlaylistStore } from './playlist-store.ts';
import type { ScreenRecipes } from './recipe-port.ts';
import { ScreenData } from './screen-data.ts';
import { ScreenDrawing } from './screen-drawing.ts';
import { ScreenLibrary, type UsageLookup } from './screen-library.ts';
import { ScreenPictures } from './screen-pictures.ts';
import type { ScreenStore } from './screen-store.ts';

/** The feature's stores, built over the database by the composition root (createScreenStores). */
export interface ScreenStores {
  store: ScreenStore;
  mashups: MashupStore;
  playlists: PlaylistStore;
}

export interface ScreensFeatureDeps {
  dataDir: string;
  stores: ScreenStores;
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
  const { store, mashups, playlists } = deps.stores;
  const library = new ScreenLibrary(deps.dataDir, store, mashups, playlists, deps.recipes, deps.usage);
  const live = new LiveScreens(store, deps.events, (id, value): Promise<void> => data.storeLive(id, value), deps.log);
  const pictures = new ScreenPictures(library, deps.recipes, deps.log, deps.now);
  const data = new ScreenData(store, library, deps.recipes, deps.log, deps.now, pictures, live, deps.builtinSources);
  const drawing = new ScreenDrawing(store, mashups, library, data, deps.recipes, deps.markup, pictures);
  return { store, mashups, playlists, library, data, drawing, markup: deps.markup };
}

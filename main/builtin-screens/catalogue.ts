import path from 'node:path';
import type { z } from 'zod';
import { clockData, clockSettings, countdownData, countdownSettings, progressData, progressSettings, type LoadContext } from './time-data.ts';
import { presentText, textData, textSettings } from './text-data.ts';
import { presentWeather, weatherData, weatherScreenSettings } from './weather-data.ts';
import { agendaData, agendaSettings, presentAgenda } from './agenda-data.ts';
import { presentWebPage, webPageData, webPageSettings } from './web-page.ts';
import {
  feedData, feedScreenSettings, homeAssistantData, homeAssistantSettings, presentEntities, presentFeed, presentTodos, todosData, todosScreenSettings,
} from './source-data.ts';

/**
 * The built-in screens: each is a recipe folder in resources/builtin-screens/<id> (Liquid markup
 * with the TRMNL framework classes, so a user can copy one and change it) and a small loader in
 * front that reads the source and hands the recipe its data.
 */
export interface BuiltinScreen<S extends z.ZodType = z.ZodType> {
  id: string;
  name: string;
  settings: S;
  /** The data to store; it holds instants, not times of day, since one screen shows on displays in different zones. */
  load(settings: z.infer<S>, context: LoadContext): unknown;
  /** What the recipe sees, worked out when drawn: the display's zone and the render's clock. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored data of this screen's own loader
  present?(data: any, context: LoadContext): unknown;
}

const define = <S extends z.ZodType>(screen: BuiltinScreen<S>): BuiltinScreen => screen as unknown as BuiltinScreen;

/** A built-in worked out from its settings alone when drawn: the settings are its stored data. */
function fromSettings<S extends z.ZodType>(id: string, name: string, settings: S, draw: (valid: z.infer<S>, context: LoadContext) => unknown): BuiltinScreen {
  return define({
    id, name, settings,
    load: (valid) => valid,
    // Data stored before it was drawn this way is shown as it is until the next refresh.
    present: (data, context) => {
      const valid = settings.safeParse(data);
      return valid.success ? draw(valid.data, context) : data;
    },
  });
}

export const BUILTIN_SCREENS: readonly BuiltinScreen[] = [
  fromSettings('clock', 'Clock and date', clockSettings, clockData),
  fromSettings('countdown', 'Countdown', countdownSettings, countdownData),
  fromSettings('progress', 'Year, month and day progress', progressSettings, progressData),
  define({ id: 'text', name: 'Text', settings: textSettings, load: textData, present: presentText }),
  define({ id: 'todos', name: 'To-dos', settings: todosScreenSettings, load: todosData, present: presentTodos }),
  define({ id: 'feed', name: 'News feed', settings: feedScreenSettings, load: feedData, present: presentFeed }),
  define({ id: 'weather', name: 'Weather', settings: weatherScreenSettings, load: weatherData, present: presentWeather }),
  define({ id: 'agenda', name: 'Agenda', settings: agendaSettings, load: agendaData, present: presentAgenda }),
  define({ id: 'home-assistant', name: 'Home Assistant', settings: homeAssistantSettings, load: homeAssistantData, present: presentEntities }),
  define({ id: 'web-page', name: 'Web page', settings: webPageSettings, load: webPageData, present: presentWebPage }),
];

export function builtinScreen(id: string): BuiltinScreen {
  const screen = BUILTIN_SCREENS.find((s) => s.id === id);
  if (!screen) throw new Error(`no built-in screen "${id}" (there are ${BUILTIN_SCREENS.map((s) => s.id).join(', ')})`);
  return screen;
}

export function builtinRecipeFolder(id: string): string {
  return path.resolve(import.meta.dirname, '..', '..', 'resources', 'builtin-screens', builtinScreen(id).id);
}

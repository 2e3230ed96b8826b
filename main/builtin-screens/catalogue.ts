import path from 'node:path';
import type { z } from 'zod';
import { clockData, clockSettings, countdownData, countdownSettings, progressData, progressSettings, type LoadContext } from './time-data.ts';
import { textData, textSettings } from './text-data.ts';
import { weatherData, weatherScreenSettings } from './weather-data.ts';
import { agendaData, agendaSettings } from './agenda-data.ts';
import { webPageData, webPageSettings } from './web-page.ts';
import { feedData, feedScreenSettings, homeAssistantData, homeAssistantSettings, todosData, todosScreenSettings } from './source-data.ts';

/**
 * The built-in screens: each is a recipe folder in resources/builtin-screens/<id> (Liquid markup
 * with the TRMNL framework classes, so a user can copy one and change it) and a small loader in
 * front that reads the source and hands the recipe its data.
 */
export interface BuiltinScreen<S extends z.ZodType = z.ZodType> {
  id: string;
  name: string;
  settings: S;
  load(settings: z.infer<S>, context: LoadContext): unknown;
}

const define = <S extends z.ZodType>(screen: BuiltinScreen<S>): BuiltinScreen => screen as unknown as BuiltinScreen;

export const BUILTIN_SCREENS: readonly BuiltinScreen[] = [
  define({ id: 'clock', name: 'Clock and date', settings: clockSettings, load: clockData }),
  define({ id: 'countdown', name: 'Countdown', settings: countdownSettings, load: countdownData }),
  define({ id: 'progress', name: 'Year, month and day progress', settings: progressSettings, load: progressData }),
  define({ id: 'text', name: 'Text', settings: textSettings, load: textData }),
  define({ id: 'todos', name: 'To-dos', settings: todosScreenSettings, load: todosData }),
  define({ id: 'feed', name: 'News feed', settings: feedScreenSettings, load: feedData }),
  define({ id: 'weather', name: 'Weather', settings: weatherScreenSettings, load: weatherData }),
  define({ id: 'agenda', name: 'Agenda', settings: agendaSettings, load: agendaData }),
  define({ id: 'home-assistant', name: 'Home Assistant', settings: homeAssistantSettings, load: homeAssistantData }),
  define({ id: 'web-page', name: 'Web page', settings: webPageSettings, load: webPageData }),
];

export function builtinScreen(id: string): BuiltinScreen {
  const screen = BUILTIN_SCREENS.find((s) => s.id === id);
  if (!screen) throw new Error(`no built-in screen "${id}" (there are ${BUILTIN_SCREENS.map((s) => s.id).join(', ')})`);
  return screen;
}

export function builtinRecipeFolder(id: string): string {
  return path.resolve(import.meta.dirname, '..', '..', 'resources', 'builtin-screens', builtinScreen(id).id);
}

import { drawMarkup, screenMarkup, type DrawnMarkup, type MarkupTarget, type ViewSize } from '../markup/index.ts';
import { importRecipe, renderRecipe, type Recipe } from '../recipes/index.ts';
import { SourceError } from '../sources/source-http.ts';
import { builtinRecipeFolder, builtinScreen } from './catalogue.ts';
import type { LoadContext } from './time-data.ts';

const recipes = new Map<string, Promise<Recipe>>();

/** The built-in's recipe, read once from resources/builtin-screens. */
export function builtinRecipe(id: string): Promise<Recipe> {
  let recipe = recipes.get(id);
  if (!recipe) {
    recipe = importRecipe(builtinRecipeFolder(id));
    recipes.set(id, recipe);
  }
  return recipe;
}

export interface Refreshed {
  data: unknown;
  /** Set when the source failed: the data is the last good one (else the source's placeholder, else null). */
  error: string | null;
}

/**
 * New data for a built-in screen. Settings are validated first (a ZodError for the caller to turn
 * into a 400); a source that fails keeps `previous` and says why, so a frame never loses its screen.
 */
export async function refreshBuiltinData(id: string, settings: unknown, context: LoadContext, previous: unknown = null): Promise<Refreshed> {
  const screen = builtinScreen(id);
  const valid = screen.settings.parse(settings);
  try {
    return { data: await screen.load(valid, context), error: null };
  } catch (err) {
    if (!(err instanceof SourceError)) throw err;
    return { data: previous ?? err.placeholder ?? null, error: err.message };
  }
}

/** What a built-in's recipe sees of its stored data when drawn at `context.now` for a display in `context.timeZone`. */
export function presentBuiltinData(id: string, data: unknown, context: LoadContext): unknown {
  const { present } = builtinScreen(id);
  return present && data !== null && typeof data === 'object' ? present(data, context) : data;
}

/** A built-in's markup for one view (its recipe's Liquid over its data), as a mashup places it. */
export async function builtinViewHtml(id: string, view: ViewSize, data: unknown, context: LoadContext & { name?: string }, target: MarkupTarget): Promise<string> {
  const { html } = await renderRecipe(await builtinRecipe(id), view, presentBuiltinData(id, data, context) ?? {}, {}, {
    timeZone: context.timeZone, locale: context.locale, now: context.now,
    device: { width: target.profile.width, height: target.profile.height }, instanceName: context.name ?? builtinScreen(id).name,
  });
  return html;
}

/** The panel-ready PNG of a built-in screen with its data, drawn without a browser (with the laid-out boxes). */
export async function renderBuiltinScreen(id: string, data: unknown, context: LoadContext & { name?: string }, target: MarkupTarget): Promise<DrawnMarkup> {
  const { settings } = await builtinRecipe(id);
  const html = await builtinViewHtml(id, 'full', data, context, target);
  return drawMarkup(screenMarkup([{ html }], { darkMode: settings.darkMode, noScreenPadding: settings.noScreenPadding }), target);
}

import type { FieldValue, ScreenView } from '../../contract/screens.ts';
import { howDrawn } from '../markup/index.ts';
import {
  RecipeError, applyWebhook, exportRecipe, fetchRecipeData, importRecipe, parseRecipeData, renderRecipe, resolveFieldValues, serializeRecipeData,
  transformRecipeData, writeRecipeFolder, type Recipe, type RenderContext, type RenderedLiquid,
} from '../recipes/index.ts';
import { ScreenInputError } from './errors.ts';
import type { DrawContext, RecipeSummary, ScreenRecipes } from './recipe-port.ts';

/** The recipe machinery (main/recipes/) for the screens; recipes are read from their folder once per process. */
export class RecipeAdapter implements ScreenRecipes {
  private readonly recipes = new Map<string, Recipe>();

  async importInto(source: string | Buffer, dir: string): Promise<{ recipe: RecipeSummary; values: Record<string, FieldValue> }> {
    const recipe = await userErrors(() => importRecipe(source));
    await writeRecipeFolder(recipe, dir);
    this.recipes.set(dir, recipe);
    return { recipe: summary(recipe), values: recipe.values as Record<string, FieldValue> };
  }

  async load(dir: string): Promise<RecipeSummary> {
    return summary(await this.recipe(dir));
  }

  async resolveValues(dir: string, given: Record<string, FieldValue>, options: { requireAll?: boolean } = {}) {
    const recipe = await this.recipe(dir);
    return userErrors(async () => resolveFieldValues(recipe.settings.customFields, given, options));
  }

  async poll(dir: string, values: Record<string, FieldValue>, pollingUrl: string | null, context: DrawContext): Promise<unknown> {
    const stored = await this.recipe(dir);
    const recipe = pollingUrl ? { ...stored, settings: { ...stored.settings, pollingUrl } } : stored;
    const resolved = resolveFieldValues(recipe.settings.customFields, values);
    return fetchRecipeData(recipe, resolved, renderContext(context));
  }

  /**
   * The transform runs on the merged pushes, as on polled data: with `replace` (the default) it
   * sees exactly what was pushed; with `deep_merge` or `stream` every earlier push's fields (or
   * the appended arrays) too, whatever shape the transform turned them into.
   */
  async applyWebhook(dir: string, pushed: unknown, body: Uint8Array): Promise<{ pushed: unknown; data: unknown }> {
    const recipe = await this.recipe(dir);
    return userErrors(async () => {
      const merged = applyWebhook(pushed as Parameters<typeof applyWebhook>[0], body).data;
      return { pushed: merged, data: await transformRecipeData(recipe, merged) };
    });
  }

  async html(dir: string, view: ScreenView, data: unknown, values: Record<string, FieldValue>, context: DrawContext): Promise<RenderedLiquid> {
    const recipe = await this.recipe(dir);
    return renderRecipe(recipe, availableView(recipe, view), data, values, renderContext(context));
  }

  async exportZip(dir: string, values: Record<string, FieldValue>): Promise<Buffer> {
    return exportRecipe(await this.recipe(dir), values);
  }

  serialize(data: unknown): string {
    return serializeRecipeData(data);
  }

  parse(text: string): unknown {
    return parseRecipeData(text);
  }

  private async recipe(dir: string): Promise<Recipe> {
    let recipe = this.recipes.get(dir);
    if (!recipe) {
      recipe = await importRecipe(dir);
      this.recipes.set(dir, recipe);
    }
    return recipe;
  }
}

/** A recipe without markup for a view is drawn with the nearest one it has, as TRMNL falls back to full. */
function availableView(recipe: Recipe, view: ScreenView): ScreenView {
  if (recipe.markup[view] !== undefined) return view;
  const fallbacks: ScreenView[] = view === 'quadrant' ? ['half_horizontal', 'half_vertical', 'full'] : ['full', 'half_horizontal', 'half_vertical', 'quadrant'];
  return fallbacks.find((v) => recipe.markup[v] !== undefined) ?? view;
}

function summary(recipe: Recipe): RecipeSummary {
  const { settings } = recipe;
  return {
    name: settings.name,
    strategy: settings.strategy,
    refreshMinutes: Math.min(24 * 60, Math.max(1, Math.round(settings.refreshIntervalMinutes || 60))),
    fields: settings.customFields,
    pollingUrl: settings.strategy === 'polling' ? settings.pollingUrl : null,
    darkMode: settings.darkMode,
    noScreenPadding: settings.noScreenPadding,
    needsScript: Object.values(recipe.markup).some((markup) => markup !== undefined && howDrawn(markup) === 'browser'),
  };
}

function renderContext(context: DrawContext): RenderContext {
  return {
    timeZone: context.timeZone,
    locale: context.locale,
    now: context.at,
    device: { width: context.width, height: context.height, percentCharged: context.percentCharged ?? undefined, wifiStrength: context.wifiStrength ?? undefined },
    instanceName: context.instanceName,
  };
}

/** A bad recipe or bad values are the user's to fix: a 4xx with the recipe machinery's message. */
async function userErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RecipeError) throw new ScreenInputError(err.message);
    throw err;
  }
}

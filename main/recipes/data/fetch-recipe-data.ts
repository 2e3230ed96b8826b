/**
 * A recipe's data now: polled (one URL → its answer at the root; several → IDX_0, IDX_1, …),
 * or the static data, then passed through the recipe's transform.js if it has one. Any failure
 * is one RecipeError; the caller keeps the last good data.
 */
import { recipeFieldValues } from '../custom-fields.ts';
import { RecipeError } from '../errors.ts';
import { runTransform, type TransformLimits } from '../transform/run-transform.ts';
import { dataAtRoot, type RenderContext } from '../merge-variables.ts';
import type { FieldValues, Recipe } from '../types.ts';
import { DEFAULT_FETCH_LIMITS, limitedFetch, type FetchLimits } from './limited-fetch.ts';
import { parseResponseBody } from './parse-response.ts';
import { buildPollingRequests } from './polling-request.ts';

export interface DataOptions {
  fetchLimits?: FetchLimits;
  transformLimits?: TransformLimits;
}

export async function pollRecipe(recipe: Recipe, values: FieldValues, context: RenderContext, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Record<string, unknown>> {
  const requests = await buildPollingRequests(recipe, values, context);
  const answers = await Promise.all(requests.map(async (request) => parseResponseBody(await limitedFetch(request, limits))));
  if (answers.length === 1) return dataAtRoot(answers[0]);
  return Object.fromEntries(answers.map((answer, index) => [`IDX_${index}`, dataAtRoot(answer)]));
}

/** The transform.js hook over data from any source (polled, pushed, static). */
export async function transformRecipeData(recipe: Recipe, data: Record<string, unknown>, limits?: TransformLimits): Promise<Record<string, unknown>> {
  if (!recipe.transform) return data;
  return dataAtRoot(await runTransform(recipe.transform, data, limits));
}

/** `givenValues`: the screen's field values (defaults and the recipe's own values fill the rest). */
export async function fetchRecipeData(recipe: Recipe, givenValues: Record<string, unknown>, context: RenderContext, options: DataOptions = {}): Promise<Record<string, unknown>> {
  const values = recipeFieldValues(recipe, givenValues);
  if (recipe.settings.strategy === 'webhook') throw new RecipeError('fetch-failed', 'a webhook recipe is not polled: its data arrives by POST to its webhook URL');
  const raw = recipe.settings.strategy === 'polling' ? await pollRecipe(recipe, values, context, options.fetchLimits) : dataAtRoot(recipe.settings.staticData);
  return transformRecipeData(recipe, raw, options.transformLimits);
}

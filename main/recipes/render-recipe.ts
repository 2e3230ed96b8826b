/** A recipe's HTML for one layout from its data and field values: merge variables, then Liquid. */
import { recipeFieldValues } from './custom-fields.ts';
import { buildMergeVariables, type RenderContext } from './merge-variables.ts';
import { renderLiquid, type RenderedLiquid } from './render-liquid.ts';
import type { Recipe, RecipeLayout } from './types.ts';

export async function renderRecipe(recipe: Recipe, layout: RecipeLayout, data: unknown, givenValues: Record<string, unknown>, context: RenderContext): Promise<RenderedLiquid> {
  const values = recipeFieldValues(recipe, givenValues);
  return renderLiquid(recipe, layout, buildMergeVariables(recipe, data, values, context), context);
}

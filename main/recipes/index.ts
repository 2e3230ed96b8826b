/**
 * TRMNL recipes (DESIGN.md §12): import and export, settings, data (polling, webhook, static,
 * transform.js) and Liquid rendering. Pure modules with no routes and no tables: screens
 * (main/screens/) store recipes and data and call these. The API is described in README.md,
 * section "TRMNL recipes".
 */
export { RecipeError, type RecipeErrorCode } from './errors.ts';
export type { CustomField, CustomFieldType, FieldValues, MarkupName, Recipe, RecipeLayout, RecipeSettings, RecipeStrategy, SelectOption } from './types.ts';
export { MARKUP_FILES, RECIPE_LAYOUTS } from './types.ts';
export { importRecipe, recipeFromFiles } from './import-recipe.ts';
export { exportRecipe, recipeFiles, writeRecipeFolder } from './export-recipe.ts';
export { parseSettings } from './settings.ts';
export { recipeFieldValues, resolveFieldValues } from './custom-fields.ts';
export { buildMergeVariables, type DeviceFacts, type RenderContext } from './merge-variables.ts';
export { renderLiquid, checkLiquid, type RenderedLiquid } from './render-liquid.ts';
export { renderRecipe } from './render-recipe.ts';
export { fetchRecipeData, pollRecipe, transformRecipeData, type DataOptions } from './data/fetch-recipe-data.ts';
export { buildPollingRequests } from './data/polling-request.ts';
export { DEFAULT_FETCH_LIMITS, type FetchLimits } from './data/limited-fetch.ts';
export { applyWebhook, WEBHOOK_MAX_BYTES, type MergeStrategy, type WebhookResult } from './webhook.ts';
export { runTransform, DEFAULT_TRANSFORM_LIMITS, type TransformLimits } from './transform/run-transform.ts';
export { generateRubyJson as serializeRecipeData, parseRubyJson as parseRecipeData } from './ruby-json.ts';

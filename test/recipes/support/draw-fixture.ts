/**
 * A recipe fixture the whole way a screen takes: imported as packaged, its data fetched from a
 * loopback stand-in server (or its static data, or its webhook bodies pushed in order, through its
 * transform), its Liquid rendered for its first layout, wrapped in the screen's page, and drawn
 * for a panel.
 */
import { findBuiltinProfile } from '../../../main/imaging/builtin-profiles.ts';
import type { MarkupTarget } from '../../../main/markup/target.ts';
import { screenMarkup } from '../../../main/markup/screen-markup.ts';
import type { MashupLayout } from '../../../main/markup/structure-pass.ts';
import { fetchRecipeData, transformRecipeData } from '../../../main/recipes/data/fetch-recipe-data.ts';
import { renderRecipe } from '../../../main/recipes/render-recipe.ts';
import { RECIPE_LAYOUTS, type Recipe, type RecipeLayout } from '../../../main/recipes/types.ts';
import { applyWebhook } from '../../../main/recipes/webhook.ts';
import { fixtureContext, fixtureFile, importFixture, startFixtureServer, type RecipeFixture } from '../../helpers/recipe-fixtures.ts';

/** A half or a quadrant is drawn in the first place of a mashup that has one, as the screens do. */
const PLACE: Record<RecipeLayout, MashupLayout | undefined> = { full: undefined, half_horizontal: '1Tx1B', half_vertical: '1Lx1R', quadrant: '2x2' };

/** The layout a fixture is drawn in: full, or the first it has. */
export function drawnLayout(recipe: Recipe): RecipeLayout {
  return RECIPE_LAYOUTS.find((layout) => recipe.markup[layout] !== undefined)!;
}

export async function fixtureDataByStrategy(fixture: RecipeFixture, recipe: Recipe): Promise<Record<string, unknown>> {
  if (recipe.settings.strategy === 'webhook') {
    let data: Record<string, unknown> = {};
    for (const file of fixture.webhook ?? []) data = await transformRecipeData(recipe, applyWebhook(data, fixtureFile(fixture, file)).data);
    return data;
  }
  if (!fixture.server) return fetchRecipeData(recipe, fixture.values, fixtureContext(fixture));
  const server = await startFixtureServer(fixture);
  try {
    return await fetchRecipeData(recipe, { ...fixture.values, [fixture.server.field]: server.baseUrl }, fixtureContext(fixture));
  } finally {
    await server.close();
  }
}

export interface FixturePage {
  layout: RecipeLayout;
  /** The whole screen's markup, as the screens hand it to the drawing. */
  html: string;
  target: MarkupTarget;
}

export async function fixturePage(fixture: RecipeFixture, profileId: string): Promise<FixturePage> {
  const recipe = await importFixture(fixture);
  const profile = findBuiltinProfile(profileId)!;
  const layout = drawnLayout(recipe);
  const data = await fixtureDataByStrategy(fixture, recipe);
  const { html: view } = await renderRecipe(recipe, layout, data, fixture.values, fixtureContext(fixture, { width: profile.width, height: profile.height }));
  const { darkMode, noScreenPadding } = recipe.settings;
  return { layout, html: screenMarkup([{ html: view }], { mashup: PLACE[layout], darkMode, noScreenPadding }), target: { profile, darkMode, noScreenPadding } };
}

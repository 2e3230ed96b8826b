/**
 * Every recipe fixture end to end through the recipe machinery: packaged as its manifest says,
 * imported, its data fetched from a loopback server (or pushed, or static), rendered in each of
 * its layouts, and the key strings found in the HTML.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRecipeData } from '../../main/recipes/data/fetch-recipe-data.ts';
import { resolveFieldValues } from '../../main/recipes/custom-fields.ts';
import { renderRecipe } from '../../main/recipes/render-recipe.ts';
import { RECIPE_LAYOUTS } from '../../main/recipes/types.ts';
import { fixtureContext, fixtureData, importFixture, recipeFixtures, startFixtureServer, type FixtureServer } from '../helpers/recipe-fixtures.ts';

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The HTML's text with tags dropped and whitespace collapsed, as a reader sees it. */
function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe.each(recipeFixtures().map((fixture) => [fixture.id, fixture] as const))('recipe fixture %s', (_id, fixture) => {
  it('imports, gets its data and renders every layout it has with the expected text', async () => {
    const recipe = await importFixture(fixture);
    const context = fixtureContext(fixture);
    let values = { ...fixture.values };
    let data = fixtureData(fixture);
    if (fixture.server) {
      const server = await startFixtureServer(fixture);
      servers.push(server);
      values = { ...values, [fixture.server.field]: server.baseUrl };
      const fetched = await fetchRecipeData(recipe, resolveFieldValues(recipe.settings.customFields, { ...recipe.values, ...values }), context);
      expect(fetched).toEqual(data);
      data = fetched;
    } else if (recipe.settings.strategy === 'static') {
      data = await fetchRecipeData(recipe, resolveFieldValues(recipe.settings.customFields, { ...recipe.values, ...values }), context);
    }
    const layouts = RECIPE_LAYOUTS.filter((layout) => recipe.markup[layout] !== undefined);
    expect(layouts).toEqual(expect.arrayContaining(Object.keys(fixture.expect)));
    for (const layout of layouts) {
      const text = visibleText(await renderRecipe(recipe, layout, data, values, context));
      for (const expected of fixture.expect[layout] ?? []) expect(text, `${layout}: "${expected}"`).toContain(expected);
      for (const absent of fixture.absent?.[layout] ?? []) expect(text, `${layout}: no "${absent}"`).not.toContain(absent);
    }
  });
});

/**
 * Every recipe fixture through the recipe machinery: packaged as its manifest says and imported;
 * its data fetched from a loopback server equal to the data it renders with; each layout it has
 * rendered, and the key strings found in the HTML's text.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fetchRecipeData } from '../../main/recipes/data/fetch-recipe-data.ts';
import { RECIPE_LAYOUTS } from '../../main/recipes/types.ts';
import { fixtureContext, fixtureData, importFixture, recipeFixtures, renderFixtureHtml, startFixtureServer, type FixtureServer } from '../helpers/recipe-fixtures.ts';

const servers: FixtureServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** The HTML's text with tags dropped and whitespace collapsed, as a reader sees it. */
function visibleText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe.each(recipeFixtures().map((fixture) => [fixture.id, fixture] as const))('recipe fixture %s', (_id, fixture) => {
  it.runIf(fixture.server)('fetches from its server the data it renders with', async () => {
    const recipe = await importFixture(fixture);
    const server = await startFixtureServer(fixture);
    servers.push(server);
    const fetched = await fetchRecipeData(recipe, { ...fixture.values, [fixture.server!.field]: server.baseUrl }, fixtureContext(fixture));
    expect(fetched).toEqual(fixtureData(fixture, recipe));
  });

  it.runIf(fixture.needsBrowser)('keeps its script for a browser to run', async () => {
    expect(await renderFixtureHtml(fixture, 'full')).toMatch(/<script\b/);
  });

  it('renders every layout it has with the expected text', async () => {
    const recipe = await importFixture(fixture);
    const layouts = RECIPE_LAYOUTS.filter((layout) => recipe.markup[layout] !== undefined);
    expect(layouts).toEqual(expect.arrayContaining(Object.keys(fixture.expect)));
    for (const layout of layouts) {
      const text = visibleText(await renderFixtureHtml(fixture, layout));
      for (const expected of fixture.expect[layout] ?? []) expect(text, `${layout}: "${expected}"`).toContain(expected);
      for (const absent of fixture.absent?.[layout] ?? []) expect(text, `${layout}: no "${absent}"`).not.toContain(absent);
      for (const scripted of fixture.afterScripts?.[layout] ?? []) expect(text, `${layout}: "${scripted}" only once scripts ran`).not.toContain(scripted);
    }
  });
});

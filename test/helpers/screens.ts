import type { DataSource } from 'typeorm';
import { createScreenStores } from '../../main/create-stores.ts';
import { exportRecipe } from '../../main/recipes/export-recipe.ts';
import { createScreensFeature, type ScreensFeature, type ScreensFeatureDeps } from '../../main/screens/screens-feature.ts';
import { importFixture, recipeFixtures, type RecipeFixture } from './recipe-fixtures.ts';
import type { TestServer } from './test-server.ts';

export function fixtureNamed(id: string): RecipeFixture {
  const fixture = recipeFixtures().find((f) => f.id === id);
  if (!fixture) throw new Error(`no recipe fixture ${id}`);
  return fixture;
}

/** The fixture as a TRMNL export ZIP, its trmnlp values (if any) as the fields' defaults. */
export async function fixtureZip(id: string): Promise<Buffer> {
  const recipe = await importFixture(fixtureNamed(id));
  return exportRecipe(recipe, recipe.values);
}

/** Imports a fixture through the admin API (`screens.import`) and returns the screen. */
export async function importScreen(t: TestServer, id: string, values: Record<string, unknown> = {}, name?: string): Promise<{ id: number; uuid: string; webhookUrl: string | null; [key: string]: unknown }> {
  const res = await t.admin('POST', '/screens/import', { fileName: `${id}.zip`, dataBase64: (await fixtureZip(id)).toString('base64'), values, ...(name ? { name } : {}) });
  if (res.status !== 200) throw new Error(`import of ${id} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/** The screens feature over a test's own database, its stores built as the composition root builds them. */
export function screensOver(db: DataSource, deps: Omit<ScreensFeatureDeps, 'stores'>): ScreensFeature {
  return createScreensFeature({ ...deps, stores: createScreenStores({ db, events: deps.events, now: deps.now }, deps.recipes) });
}

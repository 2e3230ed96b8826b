/** The fixtures together reproduce every form and quirk issue 19 names (see manifest.json). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECIPE_LAYOUTS } from '../../main/recipes/types.ts';
import { RECIPE_FIXTURES_DIR, fixtureFile, importFixture, recipeFixtures } from '../helpers/recipe-fixtures.ts';

const TRMNL_FILTERS = ['number_with_delimiter', 'number_to_currency', 'l_date', 'l_word', 'days_ago', 'pluralize', 'ordinalize', 'group_by', 'find_by', 'where_exp', 'map_to_i', 'sample', 'json', 'parse_json', 'markdown_to_html', 'qr_code', 'append_random', 'relative_time'];
const FIELD_TYPES = ['string', 'text', 'number', 'select', 'boolean', 'date', 'password', 'multi_string', 'copyable_webhook_url'];

function allFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? allFiles(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
}

describe('recipe fixtures', async () => {
  const fixtures = recipeFixtures();
  const recipes = await Promise.all(fixtures.map((fixture) => importFixture(fixture)));
  const liquid = fixtures.flatMap((fixture) => allFiles(path.join(RECIPE_FIXTURES_DIR, fixture.id)).filter((file) => file.endsWith('.liquid')).map((file) => readFileSync(file, 'utf8'))).join('\n');

  it('are at least 25, each with its folder and expected strings', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    expect(new Set(fixtures.map((fixture) => fixture.id)).size).toBe(fixtures.length);
    expect(readdirSync(RECIPE_FIXTURES_DIR).filter((name) => name !== 'manifest.json').sort()).toEqual(fixtures.map((fixture) => fixture.id).sort());
    for (const fixture of fixtures) expect(Object.values(fixture.expect).flat().length, fixture.id).toBeGreaterThan(0);
  });

  it('cover every layout, strategy, verb, package shape and field type', () => {
    for (const layout of RECIPE_LAYOUTS) expect(recipes.some((recipe) => recipe.markup[layout] !== undefined), layout).toBe(true);
    expect(new Set(recipes.map((recipe) => recipe.settings.strategy))).toEqual(new Set(['polling', 'webhook', 'static']));
    expect(new Set(recipes.filter((recipe) => recipe.settings.strategy === 'polling').map((recipe) => recipe.settings.pollingVerb))).toEqual(new Set(['GET', 'POST']));
    expect(new Set(fixtures.map((fixture) => fixture.shape))).toEqual(new Set(['flat', 'trmnlp', 'zip', 'zip-in-folder', 'trmnlp-zip']));
    const types = new Set(recipes.flatMap((recipe) => recipe.settings.customFields.map((field) => field.fieldType)));
    for (const type of FIELD_TYPES) expect(types.has(type as never), type).toBe(true);
    expect(recipes.some((recipe) => recipe.settings.customFields.some((field) => field.multiple))).toBe(true);
    expect(recipes.some((recipe) => recipe.settings.customFields.some((field) => field.options?.some((option) => option.value === 'true')))).toBe(true);
    expect(recipes.some((recipe) => recipe.transform !== undefined)).toBe(true);
    expect(recipes.some((recipe) => recipe.settings.darkMode && recipe.settings.noScreenPadding && recipe.settings.frameworkVersion)).toBe(true);
  });

  it('cover the polling forms: several URLs, XML, root arrays, text, every polling_url and header form', () => {
    const routes = fixtures.flatMap((fixture) => Object.values(fixture.server?.routes ?? {}));
    expect(routes.some((route) => /xml/.test(route.type))).toBe(true);
    expect(routes.some((route) => /text\/plain/.test(route.type))).toBe(true);
    expect(fixtures.filter((fixture) => fixture.server).some((fixture) => Object.values(fixture.server!.routes).some((route) => fixtureFile(fixture, route.file).trimStart().startsWith('[')))).toBe(true);
    expect(fixtures.some((fixture) => Object.keys(fixture.server?.routes ?? {}).length > 1)).toBe(true);
    const urls = recipes.map((recipe) => recipe.settings.pollingUrl);
    expect(urls.some((url) => url.includes('\r\n'))).toBe(true);
    expect(urls.some((url) => /\{%\s*for/.test(url))).toBe(true);
    expect(urls.some((url) => /\{%\s*if/.test(url))).toBe(true);
    const settingsTexts = fixtures.map((fixture) => readFileSync(path.join(RECIPE_FIXTURES_DIR, fixture.id, fixture.shape === 'trmnlp' ? 'src' : '', 'settings.yml'), 'utf8'));
    expect(settingsTexts.some((text) => /polling_url: >-?\n/.test(text))).toBe(true);
    expect(settingsTexts.some((text) => /polling_url: \|\n/.test(text))).toBe(true);
    const headers = recipes.map((recipe) => recipe.settings.pollingHeaders);
    expect(headers.some((text) => /^[\w-]+=.*&/.test(text))).toBe(true);
    expect(headers.some((text) => /^[\w-]+: /m.test(text))).toBe(true);
  });

  it('cover every webhook strategy and every trmnl-liquid filter and the lax syntax', () => {
    const pushes = fixtures.flatMap((fixture) => (fixture.webhook ?? []).map((file) => JSON.parse(fixtureFile(fixture, file)).merge_strategy ?? 'replace'));
    expect(new Set(pushes)).toEqual(new Set(['replace', 'deep_merge', 'stream']));
    for (const filter of TRMNL_FILTERS) expect(liquid, filter).toMatch(new RegExp(`\\|\\s*${filter}\\b`));
    expect(liquid).toMatch(/\{%\s*assign \w+ = \{\{/);
    expect(liquid).toMatch(/\{%\s*if \w+ \| size/);
    expect(liquid).toMatch(/\{%\s*render '\w+' with \w+:/);
    expect(liquid).toMatch(/\{%\s*template /);
    expect(liquid).toMatch(/\{%#/);
  });
});

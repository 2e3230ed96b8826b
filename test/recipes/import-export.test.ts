/** Import from every shape, export to TRMNL's ZIP, and the archives and files a bad recipe brings. */
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { RecipeError } from '../../main/recipes/errors.ts';
import { exportRecipe, writeRecipeFolder } from '../../main/recipes/export-recipe.ts';
import { importRecipe } from '../../main/recipes/import-recipe.ts';
import { readZip } from '../../main/recipes/zip-archive.ts';
import { RECIPE_FIXTURES_DIR, importFixture, recipeFixtures } from '../helpers/recipe-fixtures.ts';

const SETTINGS = 'name: Tiny\nstrategy: static\nstatic_data: \'{"n": 1}\'\ncustom_fields:\n- keyname: who\n  field_type: string\n  default: world\n- keyname: pin\n  field_type: password\n';
const text = (value: string) => new TextEncoder().encode(value);

function zipOf(files: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, content]) => [name, typeof content === 'string' ? text(content) : content])));
}

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'inkstand-recipe-'));
}

async function refusal(source: string | Uint8Array): Promise<RecipeError> {
  const err = await importRecipe(source).then(() => null, (error: unknown) => error);
  expect(err).toBeInstanceOf(RecipeError);
  return err as RecipeError;
}

describe('importRecipe', () => {
  it('imports a TRMNL export ZIP, flat or inside one folder', async () => {
    const flat = await importRecipe(zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'Hello {{ who }}', 'shared.liquid': '<style></style>' }));
    expect(flat.settings.name).toBe('Tiny');
    expect(flat.markup).toEqual({ full: 'Hello {{ who }}', shared: '<style></style>' });
    const nested = await importRecipe(zipOf({ 'tiny/settings.yml': SETTINGS, 'tiny/quadrant.liquid': 'q' }));
    expect(nested.markup).toEqual({ quadrant: 'q' });
  });

  it("finds the one recipe deeper in a repository's ZIP, and refuses to guess between several", async () => {
    const deep = await importRecipe(zipOf({ 'recipes-main/README.md': 'x', 'recipes-main/plugins/tiny/settings.yml': SETTINGS, 'recipes-main/plugins/tiny/full.liquid': 'deep' }));
    expect(deep.markup).toEqual({ full: 'deep' });
    const project = await importRecipe(zipOf({ 'r-main/.trmnlp.yml': 'custom_fields:\n  who: p\n', 'r-main/src/settings.yml': SETTINGS, 'r-main/src/full.liquid': 'p' }));
    expect(project.values).toEqual({ who: 'p' });
    const several = await refusal(zipOf({ 'a/settings.yml': SETTINGS, 'a/full.liquid': 'a', 'b/settings.yml': SETTINGS, 'b/full.liquid': 'b' }));
    expect(several.message).toMatch(/several recipes \(a\/, b\/\)/);
  });

  it('imports a ZIP from its path', async () => {
    const file = path.join(tempDir(), 'tiny.zip');
    writeFileSync(file, zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'Hello' }));
    expect((await importRecipe(file)).markup).toEqual({ full: 'Hello' });
    const notZip = path.join(tempDir(), 'notes.txt');
    writeFileSync(notZip, 'hello');
    expect((await refusal(notZip)).message).toMatch(/not a ZIP archive/);
  });

  it('imports a trmnlp project from a folder and from a ZIP, with .trmnlp.yml values', async () => {
    const project = await importRecipe(path.join(RECIPE_FIXTURES_DIR, 'packing-list'));
    expect(project.values).toEqual({ trip_name: 'Lisbon weekend', show_done: 'no' });
    const zipped = await importRecipe(zipOf({ '.trmnlp.yml': 'custom_fields:\n  who: you\n', 'src/settings.yml': SETTINGS, 'src/full.liquid': 'x', 'src/transform.js': 'function run(input) { return input }' }));
    expect(zipped.values).toEqual({ who: 'you' });
    expect(zipped.transform).toContain('function run');
  });

  it('exports the flat ZIP that imports back to the same recipe, values as defaults, passwords left out', async () => {
    const recipe = await importRecipe(zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'Hello {{ who }}', 'half_vertical.liquid': 'hv' }));
    const zip = exportRecipe(recipe, { who: 'Inkstand', pin: '1234' });
    expect([...readZip(zip).keys()].sort()).toEqual(['full.liquid', 'half_vertical.liquid', 'settings.yml']);
    const again = await importRecipe(zip);
    expect(again.markup).toEqual(recipe.markup);
    expect(again.settings.customFields.map((field) => field.defaultValue)).toEqual(['Inkstand', undefined]);
    expect(new TextDecoder().decode(readZip(zip).get('settings.yml'))).not.toContain('1234');
    expect(exportRecipe(recipe)).toEqual(exportRecipe(recipe));
  });

  it('writes a recipe folder with only its own files', async () => {
    const recipe = await importRecipe(zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'x' }));
    const folder = path.join(tempDir(), 'screen-1');
    await writeRecipeFolder(recipe, folder);
    expect(readdirSync(folder).sort()).toEqual(['full.liquid', 'settings.yml']);
  });

  it.each([
    ['a parent-folder entry', { '../evil.liquid': 'x', 'settings.yml': SETTINGS, 'full.liquid': 'x' }, 'unsafe-path'],
    ['a nested parent-folder entry', { 'a/../../evil.liquid': 'x', 'settings.yml': SETTINGS, 'full.liquid': 'x' }, 'unsafe-path'],
    ['an absolute entry', { '/etc/cron.d/evil': 'x', 'settings.yml': SETTINGS, 'full.liquid': 'x' }, 'unsafe-path'],
    ['a drive-letter entry', { 'C:/evil.liquid': 'x', 'settings.yml': SETTINGS, 'full.liquid': 'x' }, 'unsafe-path'],
    ['a backslash climb', { '..\\evil.liquid': 'x', 'settings.yml': SETTINGS, 'full.liquid': 'x' }, 'unsafe-path'],
    ['no settings.yml', { 'full.liquid': 'x' }, 'invalid-archive'],
    ['no markup', { 'settings.yml': SETTINGS }, 'missing-markup'],
    ['invalid YAML', { 'settings.yml': 'name: [x\n', 'full.liquid': 'x' }, 'invalid-settings'],
    ['Liquid that does not parse', { 'settings.yml': SETTINGS, 'full.liquid': '{% for x in y %}never closed' }, 'invalid-liquid'],
    ['an unknown tag', { 'settings.yml': SETTINGS, 'half_horizontal.liquid': '{% frobnicate %}' }, 'invalid-liquid'],
    ['a broken template block', { 'settings.yml': SETTINGS, 'full.liquid': 'x', 'shared.liquid': '{% template t %}{% if %}{% endtemplate %}' }, 'invalid-liquid'],
    ['a transform.js that does not compile', { 'settings.yml': SETTINGS, 'full.liquid': 'x', 'transform.js': 'function run( {' }, 'transform-failed'],
    ['a settings.yml that is not UTF-8', { 'settings.yml': new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'full.liquid': 'x' }, 'invalid-archive'],
  ])('refuses a ZIP with %s', async (_what, files, code) => {
    const err = await refusal(zipOf(files as Record<string, string>));
    expect(err.code).toBe(code);
  });

  it('names the file and line of Liquid that does not parse', async () => {
    const err = await refusal(zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'ok\n{% endif %}' }));
    expect(err.message).toMatch(/^full.liquid: .*line:2/);
  });

  it('refuses a zip bomb before inflating it', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'x', 'padding.bin': zeros });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const before = process.memoryUsage().rss;
    const err = await refusal(bomb);
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/padding.bin.*unpacks to 67108864 bytes/);
    expect(process.memoryUsage().rss - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses many files that add up, and an entry that lies about its size', async () => {
    const many = Object.fromEntries(Array.from({ length: 5 }, (_, index) => [`part${index}.bin`, new Uint8Array(2 * 1024 * 1024 - 1)]));
    expect((await refusal(zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'x', ...many }))).message).toMatch(/unpacks to more than 8388608 bytes/);
    const honest = zipOf({ 'settings.yml': SETTINGS, 'full.liquid': 'x'.repeat(5000) });
    const lying = Buffer.from(honest);
    // Declare 100 bytes for full.liquid's 5,000, in the central directory and the local header.
    lying.writeUInt32LE(100, lying.lastIndexOf(Buffer.from('full.liquid')) - 46 + 24);
    lying.writeUInt32LE(100, lying.indexOf(Buffer.from('full.liquid')) - 30 + 22);
    expect((await refusal(lying)).code).toBe('invalid-archive');
  });

  it('refuses what is not a ZIP, and a folder with a symbolic link', async () => {
    expect((await refusal(text('just text'))).message).toMatch(/not a ZIP archive/);
    const folder = tempDir();
    writeFileSync(path.join(folder, 'settings.yml'), SETTINGS);
    symlinkSync('/etc/hostname', path.join(folder, 'full.liquid'));
    expect((await refusal(folder)).code).toBe('unsafe-path');
    mkdirSync(path.join(folder, 'empty'));
    expect((await refusal(path.join(folder, 'empty'))).message).toMatch(/no settings.yml/);
    expect((await refusal(path.join(folder, 'missing'))).message).toMatch(/is not a folder/);
  });
});

describe('every fixture round-trips', () => {
  it.each(recipeFixtures().map((fixture) => [fixture.id, fixture] as const))('%s: through its folder and its ZIP to the same recipe', async (_id, fixture) => {
    const recipe = await importFixture(fixture);
    const folder = path.join(tempDir(), 'screen');
    await writeRecipeFolder(recipe, folder);
    for (const again of [await importRecipe(folder), await importRecipe(exportRecipe(recipe))]) {
      expect(again.markup).toEqual(recipe.markup);
      expect(again.transform).toEqual(recipe.transform);
      expect({ ...again.settings, raw: undefined }).toEqual({ ...recipe.settings, raw: undefined });
    }
  });
});

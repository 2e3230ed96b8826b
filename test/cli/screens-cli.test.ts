import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRecipe } from '../../main/recipes/import-recipe.ts';
import { RECIPE_FIXTURES_DIR, startFixtureServer, type FixtureServer } from '../helpers/recipe-fixtures.ts';
import { fixtureNamed } from '../helpers/screens.ts';
import { runCli } from '../helpers/serve-process.ts';
import { tempDataDir } from '../helpers/test-server.ts';

/** `inkstand screens …` exactly as DESIGN.md §12 writes it, run as the real CLI on a temp data dir. */
// Each run is a whole CLI process (a few seconds on a shared machine).
describe('inkstand screens', () => {
  const dataDir = tempDataDir();
  const work = tempDataDir('inkstand-cli-out-');
  let api: FixtureServer;
  let id: string;
  const cli = (...args: string[]) => runCli([...args, '--data-dir', dataDir]);

  beforeAll(async () => {
    api = await startFixtureServer(fixtureNamed('bus-departures'));
  });
  afterAll(() => api.close());

  it('imports a recipe folder with --name and --field values, printing the new id', async () => {
    const result = await cli('screens', 'import', path.join(RECIPE_FIXTURES_DIR, 'bus-departures'), '--name', 'Harbour stop', '--field', `server_url=${api.baseUrl}`, '--field', 'api_key=secret-key-1');
    expect(result.stderr).toBe('');
    expect(result).toMatchObject({ code: 0 });
    id = result.stdout.trim();
    expect(id).toMatch(/^\d+$/);
  });

  it('prints a webhook recipe as one JSON object with id, name, strategy and webhook_url', async () => {
    const result = await cli('screens', 'import', path.join(RECIPE_FIXTURES_DIR, 'garden-sensors'), '--json');
    expect(result.code).toBe(0);
    const screen = JSON.parse(result.stdout);
    expect(screen).toMatchObject({ name: 'Garden sensors', strategy: 'webhook' });
    expect(screen.webhook_url).toMatch(new RegExp(`^http://[^/]+:8000/api/custom_plugins/${screen.uuid}$`));
  });

  it('refuses an unknown field or a bad value with a clear message and stores nothing', async () => {
    const result = await cli('screens', 'import', path.join(RECIPE_FIXTURES_DIR, 'bus-departures'), '--field', 'colour=red');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/colour/);
    expect(JSON.parse((await cli('screens', '--json')).stdout)).toHaveLength(2);
    expect(fs.readdirSync(path.join(dataDir, 'screens')).filter((f) => !f.startsWith('.'))).toHaveLength(2);
  });

  it('lists screens as a JSON array', async () => {
    const result = await cli('screens', '--json');
    const screens = JSON.parse(result.stdout);
    expect(screens.map((s: { name: string }) => s.name)).toEqual(['Harbour stop', 'Garden sensors']);
  });

  it('sets fields and the refresh interval, fetches with refresh, and renders the panel-ready PNG at --at', async () => {
    expect((await cli('screens', 'set', id, 'max_rows=6', 'refresh=15')).code).toBe(0);
    expect(JSON.parse((await cli('screens', '--json')).stdout)[0]).toMatchObject({ refreshMinutes: 15 });
    const refreshed = await cli('screens', 'refresh', id);
    expect(refreshed.stderr).toBe('');
    expect(refreshed.code).toBe(0);
    const out = path.join(work, 'bus.png');
    const rendered = await cli('screens', 'render', id, '--profile', 'trmnl-og-1bit', '--at', '2025-03-14T08:30:00Z', '--out', out);
    expect(rendered.code, rendered.stderr).toBe(0);
    expect(await sharp(out).metadata()).toMatchObject({ width: 800, height: 480, format: 'png' });
    const quadrant = path.join(work, 'bus-quadrant.png');
    expect((await cli('screens', 'render', id, '--profile', 'spectra6-13.3', '--layout', 'quadrant', '--out', quadrant)).code).toBe(0);
    expect(await sharp(quadrant).metadata()).toMatchObject({ width: 1600, height: 1200 });
  });

  it('keeps the last good data and exits 1 with the error when a fetch fails', async () => {
    await cli('screens', 'set', id, 'stop_id=9999');
    const failed = await cli('screens', 'refresh', id);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/last good data stays/);
    const [screen] = JSON.parse((await cli('screens', '--json')).stdout);
    expect(screen.lastError).toMatch(/404/);
    expect(screen.data).not.toBeNull();
  });

  it('exports the recipe as a ZIP that imports again', async () => {
    const zip = path.join(work, 'bus.zip');
    expect((await cli('screens', 'export', id, '--out', zip)).code).toBe(0);
    const recipe = await importRecipe(fs.readFileSync(zip));
    expect(recipe.settings.name).toBe('Bus departures');
    expect(recipe.markup.full).toBeDefined();
  });
}, 120_000);

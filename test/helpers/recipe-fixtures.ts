/**
 * The recipe fixtures in test/fixtures/recipes/ (see manifest.json): each as the recipe it
 * imports to, the data it renders with, a loopback server answering its polling requests, and the
 * context (clock, zone, device) to render at. Parts that draw recipes use these too.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportRecipe, recipeFiles } from '../../main/recipes/export-recipe.ts';
import { importRecipe } from '../../main/recipes/import-recipe.ts';
import { dataAtRoot, type RenderContext } from '../../main/recipes/merge-variables.ts';
import { renderRecipe } from '../../main/recipes/render-recipe.ts';
import { parseRubyJson } from '../../main/recipes/ruby-json.ts';
import type { Recipe, RecipeLayout } from '../../main/recipes/types.ts';
import { applyWebhook } from '../../main/recipes/webhook.ts';
import { writeZip } from '../../main/recipes/zip-archive.ts';

export const RECIPE_FIXTURES_DIR = fileURLToPath(new URL('../fixtures/recipes/', import.meta.url));

export interface FixtureRoute {
  file: string;
  type: string;
  status?: number;
  requireHeaders?: Record<string, string>;
  /** For POST routes: the body the recipe must send. */
  requireBody?: string;
}

export interface RecipeFixture {
  id: string;
  /** flat or trmnlp: imported from its folder; the others: a ZIP built from the folder's recipe. */
  shape: 'flat' | 'trmnlp' | 'zip' | 'zip-in-folder' | 'trmnlp-zip';
  covers: string[];
  values: Record<string, unknown>;
  server?: { field: string; routes: Record<string, FixtureRoute> };
  webhook?: string[];
  /** The data it renders with: a file, or null for none (static recipes carry their own). */
  data?: string | null;
  now: string;
  timeZone: string;
  locale?: string;
  expect: Partial<Record<RecipeLayout, string[]>>;
  absent?: Partial<Record<RecipeLayout, string[]>>;
  /** The recipe runs scripts: drawn in a browser, where they add these strings. */
  needsBrowser?: boolean;
  afterScripts?: Partial<Record<RecipeLayout, string[]>>;
  /** What the drawn panel image must show (test/recipes/fixtures-drawn.test.ts). */
  drawn: DrawnChecks;
}

/** A check on the laid-out boxes of a drawn fixture; `classes` and `left`/`right` name a box by one class. */
export type LayoutCheck =
  | { check: 'title-bar-at-bottom' | 'table-aligned' }
  | { check: 'side-by-side' | 'stacked'; classes: string; count: number }
  | { check: 'clamped'; text: string; lines: number }
  | { check: 'more'; text: string }
  | { check: 'left-of'; left: string; right: string }
  | { check: 'view-place'; view: RecipeLayout };

export interface DrawnChecks {
  /** Strings the data carries that tesseract must read on the panel image. */
  ocr: string[];
  layout: LayoutCheck[];
  /** The panel to draw on when not the 1-bit TRMNL, and why. */
  panel?: string;
  why?: string;
}

export function recipeFixtures(): RecipeFixture[] {
  return (JSON.parse(readFileSync(path.join(RECIPE_FIXTURES_DIR, 'manifest.json'), 'utf8')) as { recipes: RecipeFixture[] }).recipes;
}

export function fixtureFile(fixture: RecipeFixture, file: string): string {
  return readFileSync(path.join(RECIPE_FIXTURES_DIR, fixture.id, file), 'utf8');
}

/** The fixture packaged as its manifest says, then imported. */
export async function importFixture(fixture: RecipeFixture): Promise<Recipe> {
  const folder = path.join(RECIPE_FIXTURES_DIR, fixture.id);
  if (fixture.shape === 'flat' || fixture.shape === 'trmnlp') return importRecipe(folder);
  const fromFolder = await importRecipe(folder);
  if (fixture.shape === 'zip') return importRecipe(exportRecipe(fromFolder));
  return importRecipe(fixture.shape === 'zip-in-folder' ? zipUnder(fromFolder, `${fixture.id}/`) : zipUnder(fromFolder, 'src/', { '.trmnlp.yml': 'watch:\n  - src\n' }));
}

/** The recipe's files under a folder in a ZIP (some exports do that; trmnlp projects use src/). */
function zipUnder(recipe: Recipe, folder: string, extra: Record<string, string> = {}): Buffer {
  const files = new Map<string, string>(Object.entries(extra));
  for (const [name, content] of recipeFiles(recipe)) files.set(`${folder}${name}`, content);
  return writeZip(files);
}

/**
 * The data the fixture renders with, without any network: its data file (for polling recipes,
 * what fetching gives, transform included), its webhook bodies applied in order, or the
 * recipe's static_data.
 */
export function fixtureData(fixture: RecipeFixture, recipe?: Recipe): Record<string, unknown> {
  if (recipe?.settings.strategy === 'static') return dataAtRoot(recipe.settings.staticData) as Record<string, unknown>;
  if (fixture.webhook) {
    let data: Record<string, unknown> = {};
    for (const file of fixture.webhook) data = applyWebhook(data, fixtureFile(fixture, file)).data;
    return data;
  }
  if (!fixture.data) return {};
  const parsed = parseRubyJson(fixtureFile(fixture, fixture.data));
  return Array.isArray(parsed) ? { data: parsed } : (parsed as Record<string, unknown>);
}

/** The fixture's HTML for one layout at a device size, offline: what parts that draw recipes start from. */
export async function renderFixtureHtml(fixture: RecipeFixture, layout: RecipeLayout, device = { width: 800, height: 480 }): Promise<string> {
  const recipe = await importFixture(fixture);
  return (await renderRecipe(recipe, layout, fixtureData(fixture, recipe), fixture.values, fixtureContext(fixture, device))).html;
}

export function fixtureContext(fixture: RecipeFixture, device = { width: 800, height: 480 }): RenderContext {
  return { timeZone: fixture.timeZone, locale: fixture.locale ?? 'en', now: new Date(fixture.now), device, instanceName: fixture.id };
}

export interface FixtureServer {
  baseUrl: string;
  /** Requests seen, as "METHOD /path?query". */
  requests: string[];
  close(): Promise<void>;
}

/** A loopback server answering the fixture's routes (404 for any other, 400 when a required header or body is missing). */
export async function startFixtureServer(fixture: RecipeFixture): Promise<FixtureServer> {
  const requests: string[] = [];
  const routes = fixture.server?.routes ?? {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = `${req.method} ${req.url}`;
      requests.push(key);
      const route = routes[key];
      if (!route) return void res.writeHead(404).end('not found');
      const missing = Object.entries(route.requireHeaders ?? {}).find(([name, value]) => req.headers[name.toLowerCase()] !== value);
      if (missing) return void res.writeHead(400).end(`header ${missing[0]} missing or wrong`);
      if (route.requireBody !== undefined && Buffer.concat(chunks).toString('utf8') !== route.requireBody) return void res.writeHead(400).end('unexpected body');
      res.writeHead(route.status ?? 200, { 'content-type': route.type }).end(fixtureFile(fixture, route.file));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

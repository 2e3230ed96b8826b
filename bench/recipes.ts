import { renderLiquid } from '../main/recipes/render-liquid.ts';
import { buildMergeVariables } from '../main/recipes/merge-variables.ts';
import { recipeFieldValues } from '../main/recipes/custom-fields.ts';
import { generateRubyJson, parseRubyJson } from '../main/recipes/ruby-json.ts';
import { runTransform } from '../main/recipes/transform/run-transform.ts';
import { RECIPE_LAYOUTS } from '../main/recipes/types.ts';
import { fixtureContext, fixtureData, importFixture, recipeFixtures } from '../test/helpers/recipe-fixtures.ts';
import type { Report } from './report.ts';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(runs: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * The recipe machinery's share of drawing a screen: Liquid for every layout of every fixture
 * (merge variables built, shared.liquid prepended, parsed and rendered; median of runs, then the
 * median and worst fixture), one transform.js run (a fresh worker each time), and reading a
 * 1 MB JSON answer with floats kept as floats against plain JSON.parse.
 */
export async function runRecipesBench(report: Report): Promise<void> {
  const perLayout: number[] = [];
  for (const fixture of recipeFixtures()) {
    const recipe = await importFixture(fixture);
    const data = fixtureData(fixture, recipe);
    const context = fixtureContext(fixture);
    for (const layout of RECIPE_LAYOUTS.filter((name) => recipe.markup[name] !== undefined)) {
      perLayout.push(await time(RUNS, () => {
        const values = recipeFieldValues(recipe, fixture.values);
        return renderLiquid(recipe, layout, buildMergeVariables(recipe, data, values, context), context);
      }));
    }
  }
  report(`recipes Liquid render, median of ${perLayout.length} fixture layouts`, median(perLayout), 'ms');
  report('recipes Liquid render, slowest fixture layout', Math.max(...perLayout), 'ms');
  const input = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, value: i * 1.5 })) };
  report('recipes transform.js run in a fresh sandbox (median)', await time(7, () => runTransform('function run(input) { return { total: input.items.reduce((a, b) => a + b.value, 0) } }', input)), 'ms');
  const big = generateRubyJson({ rows: Array.from({ length: 12_000 }, (_, i) => ({ id: i, name: `row ${i}`, price: i + 0.5, ok: i % 2 === 0 })) });
  const ours = await time(RUNS, () => parseRubyJson(big));
  const plain = await time(RUNS, () => JSON.parse(big));
  report(`recipes JSON read keeping floats (${(big.length / 1_048_576).toFixed(1)} MB)`, ours, 'ms');
  report('recipes JSON read keeping floats / JSON.parse', ours / plain, 'ratio');
}

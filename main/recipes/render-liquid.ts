/** A recipe's markup for one layout, rendered to HTML with its merge variables. */
import { RecipeError } from './errors.ts';
import { createLiquidEngine } from './liquid/engine.ts';
import { lenientSource } from './liquid/lenient-source.ts';
import type { TimeContext } from './liquid/ruby-time.ts';
import { MARKUP_FILES, type Recipe, type RecipeLayout } from './types.ts';

function describe(err: unknown, file: string): string {
  return `${file}: ${err instanceof Error ? err.message : String(err)}`;
}

/** shared.liquid, then the layout's file: what TRMNL renders for that layout. */
function layoutSource(recipe: Recipe, layout: RecipeLayout): string {
  const markup = recipe.markup[layout];
  if (markup === undefined) throw new RecipeError('missing-markup', `the recipe has no ${layout}.liquid`);
  return recipe.markup.shared ? `${recipe.markup.shared}\n${markup}` : markup;
}

export async function renderLiquid(recipe: Recipe, layout: RecipeLayout, mergeVariables: Record<string, unknown>, time: TimeContext): Promise<string> {
  const { source, templates } = lenientSource(layoutSource(recipe, layout));
  const engine = createLiquidEngine({ ...time, templates });
  let parsed;
  try {
    parsed = engine.parse(source);
  } catch (err) {
    throw new RecipeError('invalid-liquid', describe(err, `${layout}.liquid`));
  }
  try {
    return await engine.render(parsed, mergeVariables);
  } catch (err) {
    throw new RecipeError('invalid-liquid', describe(err, `${layout}.liquid`));
  }
}

/** Liquid that would not parse, named by file; for import, before anything is stored. */
export function checkLiquid(recipe: Recipe): void {
  const engine = createLiquidEngine({ timeZone: 'UTC', now: new Date(0) });
  for (const name of MARKUP_FILES) {
    const markup = recipe.markup[name];
    if (markup === undefined) continue;
    const { source, templates } = lenientSource(markup);
    for (const [file, text] of [[`${name}.liquid`, source], ...Object.keys(templates).map((key) => [`${name}.liquid (template ${key})`, templates[key]])]) {
      try {
        engine.parse(text);
      } catch (err) {
        throw new RecipeError('invalid-liquid', describe(err, file));
      }
    }
  }
}

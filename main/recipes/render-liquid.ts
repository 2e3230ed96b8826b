/** A recipe's markup for one layout, rendered to HTML with its merge variables. */
import { RecipeError } from './errors.ts';
import { createLiquidEngine } from './liquid/engine.ts';
import { renderErrorsInline } from './liquid/inline-errors.ts';
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

/** The rendered HTML, and the Liquid errors it shows inline ("line 3: divided by 0"), named by file. */
export interface RenderedLiquid {
  html: string;
  errors: string[];
}

/**
 * Renders as Ruby Liquid's lax mode does: a tag or filter failing at render time shows
 * "Liquid error: …" in its place and the rest renders; the failures come back in `errors` for the
 * screen's entry. Liquid that does not parse, and a render over its limits, throw.
 */
export async function renderLiquid(recipe: Recipe, layout: RecipeLayout, mergeVariables: Record<string, unknown>, time: TimeContext): Promise<RenderedLiquid> {
  const { source, templates } = lenientSource(layoutSource(recipe, layout));
  const engine = createLiquidEngine({ ...time, templates });
  const inline = renderErrorsInline(engine);
  let parsed;
  try {
    parsed = engine.parse(source);
  } catch (err) {
    throw new RecipeError('invalid-liquid', describe(err, `${layout}.liquid`));
  }
  try {
    const html = await engine.render(parsed, mergeVariables);
    return { html, errors: inline.messages().map((message) => `${layout}.liquid ${message}`) };
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

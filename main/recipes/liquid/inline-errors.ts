/**
 * Ruby Liquid's lax rendering, which TRMNL uses: a tag or an output that fails while rendering
 * (a filter dividing by zero, a partial that is not there) is replaced by "Liquid error: …" where
 * it stood, and the rest of the template renders. Parse errors stay errors, and so do the render
 * limits: a template that would run without end is stopped, not printed around.
 */
import { AssertionError, LiquidError, type Context, type Emitter, type Liquid, type Template } from 'liquidjs';

type RenderTemplates = Liquid['renderer']['renderTemplates'];

/** What failed, by line, once each (a loop body failing 50 times is one problem), in the order it happened. */
export interface InlineErrors {
  messages(): string[];
}

const MAX_MESSAGE = 200;

export function renderErrorsInline(engine: Liquid): InlineErrors {
  const found = new Set<string>();
  const wrapped = new WeakMap<Template, Template>();
  const renderer = engine.renderer;
  const original: RenderTemplates = renderer.renderTemplates.bind(renderer);

  const lax = (template: Template): Template => {
    let lenient = wrapped.get(template);
    if (!lenient) {
      lenient = Object.create(template, {
        render: {
          value: function* (ctx: Context, emitter: Emitter): Generator<unknown, unknown, unknown> {
            try {
              return yield template.render(ctx, emitter);
            } catch (err) {
              if (isLimit(err)) throw err;
              const message = describe(err);
              const line = template.token.getPosition()[0];
              found.add(`line ${line}: ${message}`);
              return `Liquid error: ${message}`;
            }
          },
        },
      }) as Template;
      wrapped.set(template, lenient);
    }
    return lenient;
  };

  renderer.renderTemplates = (templates, ctx, emitter) => original(templates.map(lax), ctx, emitter);
  return { messages: () => [...found] };
}

/** The failure itself, without liquidjs's position suffix (the line is reported apart). */
function describe(err: unknown): string {
  let inner: unknown = err;
  while (inner instanceof LiquidError && (inner as { originalError?: unknown }).originalError) inner = (inner as { originalError?: unknown }).originalError;
  const text = inner instanceof Error ? inner.message : String(inner);
  return text.replace(/, (file:\S+, )?line:\d+, col:\d+$/, '').slice(0, MAX_MESSAGE);
}

/** A render limit, or JavaScript's own (a string or array too long to build). */
function isLimit(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { originalError?: unknown }).originalError) {
    if ((e instanceof AssertionError && /limit exceeded$/.test(e.message)) || (e instanceof RangeError && /Invalid (string|array) length/.test(e.message))) return true;
    if (!(e instanceof LiquidError)) break;
  }
  return false;
}

/**
 * A liquidjs engine configured like TRMNL's Ruby Liquid: lax parsing (lenient-source.ts), Ruby's
 * number, text and date semantics (ruby-filters.ts), the trmnl-liquid filters, partials from
 * `{% template %}`, and limits so a hostile template cannot hold the server.
 */
import { Drop, Liquid, defaultOperators, type Context, type FilterImplOptions, type Operators } from 'liquidjs';
import { installFloatLiterals } from './float-literals.ts';
import { rubyFilters } from './ruby-filters.ts';
import { rubyText } from './ruby-text.ts';
import { trmnlFilters } from './trmnl-filters.ts';
import type { TimeContext } from './ruby-time.ts';

export interface EngineOptions extends TimeContext {
  /** Partials by name ({% template %} blocks, collected by the caller). */
  templates?: Record<string, string>;
}

/** Limits on one render: parse size, render time, and strings/arrays it may build. */
const PARSE_LIMIT_CHARS = 1_000_000;
const RENDER_LIMIT_MS = 3_000;
const MEMORY_LIMIT = 20_000_000;

/** Ruby's `contains` on a hash asks for a key; liquidjs says false for any object. */
type BinaryOperator = (left: unknown, right: unknown, context: Context) => ReturnType<Operators[string]>;
const contains: BinaryOperator = (left, right, context) => {
  if (left !== null && typeof left === 'object' && !Array.isArray(left) && !(left instanceof Drop)) return Object.hasOwn(left, rubyText(right));
  return (defaultOperators.contains as BinaryOperator)(left, right, context);
};

export function createLiquidEngine(options: EngineOptions): Liquid {
  installFloatLiterals();
  const engine = new Liquid({
    templates: options.templates ?? {},
    dynamicPartials: true,
    relativeReference: false,
    strictFilters: false,
    strictVariables: false,
    ownPropertyOnly: true,
    jsTruthy: false,
    lenientIf: true,
    operators: { ...defaultOperators, contains },
    outputEscape: (value: unknown) => rubyText(value),
    parseLimit: PARSE_LIMIT_CHARS,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    cache: false,
  });
  const time: TimeContext = { timeZone: options.timeZone, now: options.now };
  for (const [name, handler] of Object.entries({ ...rubyFilters(time), ...trmnlFilters(time) })) engine.registerFilter(name, handler);
  engine.registerFilter('where_exp', whereExpOverValues(engine.filters.where_exp));
  return engine;
}

/** trmnl-liquid's where_exp looks at a hash's values; liquidjs's would see [key, value] pairs. */
function whereExpOverValues(builtin: FilterImplOptions): FilterImplOptions {
  const handler = typeof builtin === 'function' ? builtin : builtin.handler;
  return function (this: unknown, input: unknown, ...args: unknown[]) {
    const isHash = input !== null && typeof input === 'object' && !Array.isArray(input) && !(input instanceof Drop);
    return handler.call(this as never, isHash ? Object.values(input) : input, ...args);
  };
}

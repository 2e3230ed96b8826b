/**
 * Ruby Liquid parses in "lax" mode, and recipes rely on it. liquidjs is strict, so the source is
 * rewritten first into the strict form that means what Ruby makes of it:
 * - `{% assign x = {{ y }} %}`: braces inside a tag are dropped (x = y);
 * - `{% if items | size > 1 %}`: Ruby drops a filter in a condition and everything after it in
 *   that clause (the condition is `items`), so the rewrite does the same;
 * - `{% render 'x' with a: b %}`: Ruby reads `a: b` as a parameter, so it becomes `render 'x', a: b`;
 * - `{% template name %}…{% endtemplate %}` (trmnl-liquid) is taken out and served to `render`.
 */

export interface LenientSource {
  source: string;
  /** Partials defined with {% template %}, by name. */
  templates: Record<string, string>;
}

const TEMPLATE_BLOCK = /\{%-?\s*template\s+["']?([\w./-]+)["']?\s*-?%\}([\s\S]*?)\{%-?\s*endtemplate\s*-?%\}/g;
const TAG = /\{%(-?)([\s\S]*?)(-?)%\}/g;

/** Splits on a separator pattern outside quoted strings. */
function splitOutsideQuotes(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      continue;
    }
    const match = separator.exec(text.slice(index));
    if (match && match.index === 0) {
      parts.push(text.slice(start, index), match[0]);
      index += match[0].length - 1;
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function dropFiltersInCondition(condition: string): string {
  return splitOutsideQuotes(condition, /^\s(?:and|or)\s/)
    .map((part, index) => (index % 2 === 1 ? part : splitOutsideQuotes(part, /^\|/)[0]))
    .join('');
}

function rewriteTag(body: string): string {
  let content = body.replace(/\{\{-?\s*([\s\S]*?)\s*-?\}\}/g, '$1');
  const conditional = /^(\s*(?:if|elsif|unless)\s)([\s\S]*)$/.exec(content);
  if (conditional) content = conditional[1] + dropFiltersInCondition(conditional[2]);
  content = content.replace(/^(\s*render\s+(["'])[^"']*\2)\s+with\s+(?=[\w-]+\s*:)/, '$1, ');
  return content;
}

export function lenientSource(text: string): LenientSource {
  const templates: Record<string, string> = {};
  const withoutTemplates = text.replace(TEMPLATE_BLOCK, (_whole, name: string, body: string) => {
    templates[name] = body;
    return '';
  });
  const rewrite = (source: string) => source.replace(TAG, (_whole, left: string, body: string, right: string) => `{%${left}${rewriteTag(body)}${right}%}`);
  for (const name of Object.keys(templates)) templates[name] = rewrite(templates[name]);
  return { source: rewrite(withoutTemplates), templates };
}

/**
 * The requests a polling recipe makes: polling_url, polling_headers and polling_body are Liquid
 * templates over the custom field values (by keyname, and as trmnl.plugin_settings…). The URL
 * template may produce several lines, one request each (→ IDX_0, IDX_1, …).
 */
import { RecipeError } from '../errors.ts';
import { createLiquidEngine } from '../liquid/engine.ts';
import { lenientSource } from '../liquid/lenient-source.ts';
import { trmnlVariables, type RenderContext } from '../merge-variables.ts';
import type { FieldValues, Recipe } from '../types.ts';
import type { DataRequest } from './limited-fetch.ts';

async function renderSetting(template: string, variables: Record<string, unknown>, context: RenderContext, setting: string): Promise<string> {
  if (!template.includes('{')) return template;
  const { source, templates } = lenientSource(template);
  const engine = createLiquidEngine({ timeZone: context.timeZone, now: context.now, templates });
  try {
    return await engine.parseAndRender(source, variables);
  } catch (err) {
    throw new RecipeError('invalid-liquid', `${setting}: ${(err as Error).message}`);
  }
}

/**
 * One URL per line. A line with spaces is either several URLs on one line or one URL that a
 * folded YAML scalar (`>`) broke into parts joined by spaces; the parts tell which.
 */
export function splitUrls(rendered: string): string[] {
  const urls: string[] = [];
  for (const line of rendered.split(/\r?\n/)) {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) continue;
    if (parts.every((part) => /^https?:\/\//i.test(part))) urls.push(...parts);
    else urls.push(parts.join(''));
  }
  return urls;
}

/** `k=v&k2=v2` (TRMNL's form field) or `Name: value` lines. */
export function parseHeaders(rendered: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of rendered.split(/\r?\n/).map((one) => one.trim()).filter(Boolean)) {
    const colon = /^([A-Za-z0-9!#$%'*+.^_`|~-]+)\s*:\s*(.*)$/.exec(line);
    if (colon && !line.slice(0, line.indexOf(':')).includes('=')) {
      headers[colon[1]] = colon[2];
      continue;
    }
    for (const pair of line.split('&')) {
      const equals = pair.indexOf('=');
      if (equals <= 0) {
        if (pair.trim()) throw new RecipeError('invalid-settings', `polling_headers: "${pair}" is not name=value`);
        continue;
      }
      headers[pair.slice(0, equals).trim()] = pair.slice(equals + 1).trim();
    }
  }
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z0-9!#$%'*+.^_`|~-]+$/.test(name)) throw new RecipeError('invalid-settings', `polling_headers: "${name}" is not a valid header name`);
    if (/[\r\n\0]/.test(value)) throw new RecipeError('invalid-settings', `polling_headers: the value of "${name}" has a line break`);
  }
  return headers;
}

export async function buildPollingRequests(recipe: Recipe, values: FieldValues, context: RenderContext): Promise<DataRequest[]> {
  const variables = { ...values, trmnl: trmnlVariables(recipe, values, context) };
  const settings = recipe.settings;
  const urls = splitUrls(await renderSetting(settings.pollingUrl, variables, context, 'polling_url'));
  if (urls.length === 0) throw new RecipeError('invalid-settings', 'polling_url gives no URL with these field values');
  const headers = parseHeaders(await renderSetting(settings.pollingHeaders, variables, context, 'polling_headers'));
  const body = settings.pollingVerb === 'POST' ? await renderSetting(settings.pollingBody, variables, context, 'polling_body') : undefined;
  if (body !== undefined && body.trim() && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = /^\s*[[{]/.test(body) ? 'application/json' : 'application/x-www-form-urlencoded';
  }
  return urls.map((url) => ({ url, method: settings.pollingVerb, headers, body }));
}

/**
 * settings.yml in every form found in the wild. Parsed as YAML 1.1, the dialect of Ruby's Psych
 * that TRMNL reads it with, so `yes`/`no`/`on`/`off` are booleans there as here.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseCustomFields, scalarText } from './custom-fields.ts';
import { RecipeError } from './errors.ts';
import type { RecipeSettings, RecipeStrategy } from './types.ts';

const STRATEGIES = new Set<RecipeStrategy>(['polling', 'webhook', 'static']);
const DEFAULT_REFRESH_MINUTES = 60;

export function parseYamlDocument(text: string, fileName: string): unknown {
  try {
    return parseYaml(text, { version: '1.1', prettyErrors: true, maxAliasCount: 100, uniqueKeys: false });
  } catch (err) {
    const detail = err instanceof YAMLParseError ? err.message.split('\n')[0] : String(err);
    throw new RecipeError('invalid-settings', `${fileName} is not valid YAML: ${detail}`);
  }
}

/** TRMNL writes flags as "yes"/"no" strings; YAML 1.1 may already have made them booleans. */
function flag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  return ['yes', 'true', 'on', '1'].includes(scalarText(value).trim().toLowerCase());
}

function textSetting(value: unknown, key: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') throw new RecipeError('invalid-settings', `${key} must be text`);
  return scalarText(value);
}

/** static_data is JSON text in TRMNL's exports; a YAML mapping or list is taken as it is. */
function staticData(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (err) {
    throw new RecipeError('invalid-settings', `static_data is not valid JSON: ${(err as Error).message}`);
  }
}

/** polling_url as a YAML list: one URL per item, as if written one per line. */
function urlSetting(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => textSetting(item, 'polling_url')).join('\n');
  return textSetting(value, 'polling_url');
}

/** polling_headers as a YAML mapping: `Name: value` lines. */
function headersSetting(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).map(([name, header]) => `${name}: ${textSetting(header, `polling_headers.${name}`)}`).join('\n');
  }
  return textSetting(value, 'polling_headers');
}

function refreshMinutes(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_REFRESH_MINUTES;
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new RecipeError('invalid-settings', `refresh_interval must be a positive number of minutes (got "${scalarText(value)}")`);
  return minutes;
}

export function parseSettings(yamlText: string): RecipeSettings {
  const document = parseYamlDocument(yamlText, 'settings.yml');
  if (document === null || typeof document !== 'object' || Array.isArray(document)) throw new RecipeError('invalid-settings', 'settings.yml must be a mapping of settings');
  const raw = document as Record<string, unknown>;
  const strategy = textSetting(raw.strategy, 'strategy').trim() || 'polling';
  if (!STRATEGIES.has(strategy as RecipeStrategy)) throw new RecipeError('invalid-settings', `strategy must be polling, webhook or static (got "${strategy}")`);
  const verb = (textSetting(raw.polling_verb, 'polling_verb').trim() || 'get').toUpperCase();
  if (verb !== 'GET' && verb !== 'POST') throw new RecipeError('invalid-settings', `polling_verb must be get or post (got "${verb.toLowerCase()}")`);
  const pollingUrl = urlSetting(raw.polling_url);
  if (strategy === 'polling' && !pollingUrl.trim()) throw new RecipeError('invalid-settings', 'a polling recipe needs a polling_url');
  const frameworkVersion = textSetting(raw.framework_version, 'framework_version').trim();
  return {
    name: textSetting(raw.name, 'name').trim() || 'Untitled recipe',
    strategy: strategy as RecipeStrategy,
    pollingUrl,
    pollingVerb: verb,
    pollingHeaders: headersSetting(raw.polling_headers),
    pollingBody: textSetting(raw.polling_body, 'polling_body'),
    staticData: staticData(raw.static_data),
    customFields: parseCustomFields(raw.custom_fields),
    refreshIntervalMinutes: refreshMinutes(raw.refresh_interval),
    frameworkVersion: frameworkVersion || undefined,
    noScreenPadding: flag(raw.no_screen_padding),
    darkMode: flag(raw.dark_mode),
    raw,
  };
}

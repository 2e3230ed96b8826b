import { z } from 'zod';

const url = z.string().url();
const provider = z.enum(['builtin', 'openai', 'ollama', 'sd-webui']);

/**
 * Every setting a user or script may set, with its type. The keys of DESIGN.md §2 are fixed;
 * keys ending in `.api_key` are secrets: stored encrypted and never returned in answers or logs.
 */
export const SETTING_SCHEMAS = {
  'server.name': z.string().min(1).max(64),
  'pairing.auto_approve_until': z.string().datetime().or(z.literal('')),
  'weather.provider': z.enum(['open-meteo', 'openweathermap']),
  'weather.base_url': url,
  'weather.geocoding_url': url,
  'weather.latitude': z.coerce.number().min(-90).max(90),
  'weather.longitude': z.coerce.number().min(-180).max(180),
  'weather.location_name': z.string().max(100),
  'weather.api_key': z.string().max(200),
  'ai.classify.provider': provider,
  'ai.variants.provider': provider,
  'ai.openai.base_url': url,
  'ai.openai.model': z.string().max(100),
  'ai.openai.image_model': z.string().max(100),
  'ai.openai.api_key': z.string().max(400),
  'ai.ollama.base_url': url,
  'ai.ollama.model': z.string().max(100),
  'ai.ollama.api_key': z.string().max(400),
  'ai.sd-webui.base_url': url,
  'ai.sd-webui.model': z.string().max(200),
  'ai.sd-webui.api_key': z.string().max(400),
  'photos.watch_folder': z.string().max(1000),
  'desktop.start_at_login': z.enum(['true', 'false']),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;

export const SETTING_DEFAULTS: Partial<Record<SettingKey, string>> = {
  'server.name': 'Inkstand',
  'weather.provider': 'open-meteo',
  'weather.base_url': 'https://api.open-meteo.com',
  'weather.geocoding_url': 'https://geocoding-api.open-meteo.com',
  'ai.classify.provider': 'builtin',
  'ai.variants.provider': 'builtin',
  'ai.openai.base_url': 'https://api.openai.com/v1',
  'ai.openai.model': 'gpt-4o-mini',
  'ai.openai.image_model': 'gpt-image-1',
  'ai.ollama.base_url': 'http://localhost:11434',
  'ai.ollama.model': 'llava',
  'ai.sd-webui.base_url': 'http://localhost:7860',
  'desktop.start_at_login': 'false',
};

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SETTING_SCHEMAS, key);
}

export function isSecretKey(key: string): boolean {
  return key.endsWith('.api_key');
}

/** The environment variable that supplies a secret headless, e.g. ai.openai.api_key → INKSTAND_AI_OPENAI_API_KEY. */
export function secretEnvName(key: string): string {
  return 'INKSTAND_' + key.replace(/[.-]/g, '_').toUpperCase();
}

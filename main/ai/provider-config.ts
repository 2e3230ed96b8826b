import type { AppContext } from '../core/app-context.ts';
import type { SettingKey } from '../settings/keys.ts';

export const AI_PROVIDERS = ['builtin', 'openai', 'ollama', 'sd-webui'] as const;
export type AiProvider = (typeof AI_PROVIDERS)[number];
export type RemoteProvider = Exclude<AiProvider, 'builtin'>;

/** Where and how to reach one AI service (DESIGN.md §2 `ai.<provider>.*` settings). */
export interface ProviderConfig {
  provider: RemoteProvider;
  baseUrl: string;
  model: string;
  /** Only ever sent in a header; never logged or returned. */
  apiKey: string | undefined;
  /** OpenAI: the model for image edits (`ai.openai.image_model`). */
  imageModel: string | undefined;
}

export async function providerFor(app: AppContext, purpose: 'classify' | 'variants'): Promise<AiProvider> {
  return ((await app.settings.get(`ai.${purpose}.provider`)) ?? 'builtin') as AiProvider;
}

export async function readProviderConfig(app: Pick<AppContext, 'settings'>, provider: RemoteProvider): Promise<ProviderConfig> {
  const get = (field: string) => app.settings.get(`ai.${provider}.${field}` as SettingKey);
  const apiKey = await get('api_key');
  return {
    provider,
    baseUrl: ((await get('base_url')) ?? '').replace(/\/+$/, ''),
    model: (await get('model')) ?? '',
    apiKey: apiKey || undefined,
    imageModel: provider === 'openai' ? await get('image_model') : undefined,
  };
}

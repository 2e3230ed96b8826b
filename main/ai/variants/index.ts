import type { StoreContext } from '../../core/app-context.ts';
import { providerFor, readProviderConfig } from '../provider-config.ts';
import { BuiltinVariantMaker } from './builtin.ts';
import { OpenAiVariantMaker } from './openai.ts';
import { SdWebUiVariantMaker } from './sd-webui.ts';
import type { VariantMaker } from './types.ts';

export type { GeneratedVariant, VariantMaker, VariantRequest } from './types.ts';

/** Image generation on a home GPU (or a busy cloud API) can take minutes. */
export const DEFAULT_VARIANT_TIMEOUT_MS = 300_000;

/** The maker the settings ask for (`ai.variants.provider`); the built-in filters by default. */
export async function createVariantMaker(app: StoreContext, timeoutMs = DEFAULT_VARIANT_TIMEOUT_MS): Promise<VariantMaker> {
  const provider = await providerFor(app, 'variants');
  if (provider === 'openai') return new OpenAiVariantMaker(await readProviderConfig(app, 'openai'), timeoutMs);
  if (provider === 'sd-webui') return new SdWebUiVariantMaker(await readProviderConfig(app, 'sd-webui'), timeoutMs);
  if (provider === 'ollama') throw new Error('Ollama models describe images but do not make them; set ai.variants.provider to builtin, openai or sd-webui');
  return new BuiltinVariantMaker();
}

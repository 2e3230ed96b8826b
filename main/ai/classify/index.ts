import type { StoreContext } from '../../core/app-context.ts';
import { providerFor, readProviderConfig } from '../provider-config.ts';
import { BuiltinClassifier } from './builtin.ts';
import { OllamaClassifier } from './ollama.ts';
import { OpenAiClassifier } from './openai.ts';
import type { Classifier } from './types.ts';

export type { Classification, Classifier, ClassifyInput } from './types.ts';

/** A vision model on a CPU can take minutes per photo. */
export const DEFAULT_CLASSIFY_TIMEOUT_MS = 180_000;

/** The classifier the settings ask for (`ai.classify.provider`); the built-in analyser by default. */
export async function createClassifier(app: StoreContext, timeoutMs = DEFAULT_CLASSIFY_TIMEOUT_MS): Promise<Classifier> {
  const provider = await providerFor(app, 'classify');
  if (provider === 'openai') return new OpenAiClassifier(await readProviderConfig(app, 'openai'), timeoutMs);
  if (provider === 'ollama') return new OllamaClassifier(await readProviderConfig(app, 'ollama'), timeoutMs);
  if (provider === 'sd-webui') throw new Error('Stable Diffusion WebUI makes images and cannot classify photos; set ai.classify.provider to builtin, openai or ollama');
  return new BuiltinClassifier();
}

import type { StoreContext } from '../core/app-context.ts';
import { basicAuth, bearer, callJson, ProviderError } from './http.ts';
import { readProviderConfig, type AiProvider, type ProviderConfig } from './provider-config.ts';

const TIMEOUT_MS = 10_000;

export interface ConnectionResult {
  ok: boolean;
  /** One line for the settings screen; never contains the key. */
  message: string;
}

/**
 * The admin contract's "test connection": one cheap authenticated read per service (OpenAI
 * `GET /models`, Ollama `GET /api/tags`, SD WebUI `GET /sdapi/v1/sd-models`), and whether the
 * configured model is there.
 */
export async function testProviderConnection(app: StoreContext, provider: AiProvider): Promise<ConnectionResult> {
  if (provider === 'builtin') return { ok: true, message: 'the built-in analyser and filters work offline; nothing to connect to' };
  const config = await readProviderConfig(app, provider);
  if (!config.baseUrl) return { ok: false, message: `ai.${provider}.base_url is not set` };
  try {
    if (provider === 'openai') return await testOpenAi(config);
    if (provider === 'ollama') return await testOllama(config);
    return await testSdWebUi(config);
  } catch (error) {
    if (error instanceof ProviderError) return { ok: false, message: error.message };
    throw error;
  }
}

async function testOpenAi(config: ProviderConfig): Promise<ConnectionResult> {
  const answer = (await callJson(`${config.baseUrl}/models`, { headers: bearer(config.apiKey) }, options('OpenAI', config))) as { data?: { id: string }[] };
  const ids = (answer?.data ?? []).map((m) => m.id);
  const missing = [config.model, config.imageModel].filter((m): m is string => !!m && !ids.includes(m));
  const note = missing.length ? `; not listed: ${missing.join(', ')} (some compatible servers list only part of their models)` : '';
  return { ok: true, message: `connected to ${origin(config)}: ${ids.length} model(s)${note}` };
}

async function testOllama(config: ProviderConfig): Promise<ConnectionResult> {
  const answer = (await callJson(`${config.baseUrl}/api/tags`, { headers: bearer(config.apiKey) }, options('Ollama', config))) as { models?: { name: string }[] };
  const names = (answer?.models ?? []).map((m) => m.name);
  const wanted = config.model.includes(':') ? config.model : `${config.model}:latest`;
  if (config.model && !names.includes(wanted) && !names.includes(config.model)) {
    return { ok: false, message: `connected to ${origin(config)}, but model "${config.model}" is not pulled (run \`ollama pull ${config.model}\`); it has: ${names.join(', ') || 'no models'}` };
  }
  return { ok: true, message: `connected to ${origin(config)}: ${names.length} model(s), "${config.model}" available` };
}

async function testSdWebUi(config: ProviderConfig): Promise<ConnectionResult> {
  const answer = (await callJson(`${config.baseUrl}/sdapi/v1/sd-models`, { headers: basicAuth(config.apiKey) }, options('Stable Diffusion WebUI', config))) as { title: string; model_name: string }[];
  const models = Array.isArray(answer) ? answer : [];
  if (config.model && !models.some((m) => m.title === config.model || m.model_name === config.model)) {
    return { ok: false, message: `connected to ${origin(config)}, but checkpoint "${config.model}" is not installed; it has: ${models.map((m) => m.model_name).join(', ') || 'none'}` };
  }
  return { ok: true, message: `connected to ${origin(config)}: ${models.length} checkpoint(s)` };
}

function options(label: string, config: ProviderConfig) {
  return { label, timeoutMs: TIMEOUT_MS, secret: config.apiKey };
}

function origin(config: ProviderConfig): string {
  return new URL(config.baseUrl).origin;
}

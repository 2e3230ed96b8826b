import { readProviderConfig } from '../ai/provider-config.ts';
import { bearer, callJson, ProviderError } from '../ai/http.ts';
import { SourceError } from '../sources/source-http.ts';
import type { LoadContext } from './time-data.ts';

const SYSTEM = 'You write the text for an e-ink picture frame on a wall at home. Answer in plain text, no markdown, at most 60 words.';
const TIMEOUT_MS = 120_000;

/**
 * The "text" screen's AI prompt, answered by the configured OpenAI-compatible API
 * (`POST /chat/completions`) or Ollama (`POST /api/chat`), with the `ai.<provider>.*` settings the
 * other AI features use. Provider failures become SourceErrors, so the screen keeps its last text.
 */
export async function answerPrompt(prompt: string, provider: 'openai' | 'ollama', context: LoadContext): Promise<string> {
  if (!context.app) throw new SourceError('the AI text screen needs the app (its AI provider settings)');
  const config = await readProviderConfig(context.app, provider);
  if (!config.baseUrl || !config.model) throw new SourceError(`set ai.${provider}.base_url and ai.${provider}.model (Settings → AI) for the AI text screen`);
  // OpenAI's own API refuses every call without a key: say so instead of asking it.
  if (provider === 'openai' && !config.apiKey && new URL(config.baseUrl).hostname === 'api.openai.com') throw new SourceError('set ai.openai.api_key (Settings → AI), or point ai.openai.base_url at a local OpenAI-compatible server, for the AI text screen');
  const today = new Intl.DateTimeFormat(context.locale, { timeZone: context.timeZone, dateStyle: 'full' }).format(context.now);
  const messages = [{ role: 'system', content: `${SYSTEM} Today is ${today}.` }, { role: 'user', content: prompt }];
  try {
    if (provider === 'openai') {
      const answer = await callJson(`${config.baseUrl}/chat/completions`, {
        method: 'POST', headers: { 'content-type': 'application/json', ...bearer(config.apiKey) }, body: JSON.stringify({ model: config.model, messages }),
      }, { label: 'OpenAI chat', timeoutMs: TIMEOUT_MS, signal: context.signal, secret: config.apiKey }) as { choices?: { message?: { content?: string } }[] };
      return textOf(answer.choices?.[0]?.message?.content);
    }
    const answer = await callJson(`${config.baseUrl}/api/chat`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ model: config.model, messages, stream: false }),
    }, { label: 'Ollama chat', timeoutMs: TIMEOUT_MS, signal: context.signal }) as { message?: { content?: string } };
    return textOf(answer.message?.content);
  } catch (err) {
    if (err instanceof ProviderError) throw new SourceError(err.message);
    throw err;
  }
}

function textOf(content: string | undefined): string {
  const text = (content ?? '').replace(/[*_#`]/g, '').replace(/\s+/g, ' ').trim();
  if (!text) throw new SourceError('the AI provider answered with no text');
  return text.length > 400 ? `${text.slice(0, 399)}…` : text;
}

import { runImageTask } from '../../imaging/pool.ts';
import { bearer, callJson } from '../http.ts';
import type { ProviderConfig } from '../provider-config.ts';
import { CLASSIFY_JSON_SCHEMA, CLASSIFY_PROMPT, parseClassification } from './answer.ts';
import type { Classification, ClassifyInput, Classifier } from './types.ts';

/** Ollama `POST /api/chat` with a vision model: the image as base64 in `images`, the answer constrained by `format`. */
export class OllamaClassifier implements Classifier {
  readonly name: string;

  constructor(private readonly config: ProviderConfig, private readonly timeoutMs: number) {
    this.name = `ollama:${config.model}`;
  }

  async classify(input: ClassifyInput, signal?: AbortSignal): Promise<Classification> {
    const label = `Ollama (${this.config.model})`;
    const body = {
      model: this.config.model,
      messages: [
        { role: 'system', content: CLASSIFY_PROMPT },
        { role: 'user', content: 'Classify this photo.', images: [await runImageTask('imageForModel', input.image)] },
      ],
      format: CLASSIFY_JSON_SCHEMA,
      stream: false,
      options: { temperature: 0 },
    };
    const answer = (await callJson(`${this.config.baseUrl}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(this.config.apiKey) },
      body: JSON.stringify(body),
    }, { label, timeoutMs: this.timeoutMs, signal, secret: this.config.apiKey })) as { message?: { content?: string } };
    return parseClassification(answer?.message?.content, label);
  }
}

import { runImageTask } from '../../imaging/pool.ts';
import { bearer, callJson, ProviderError } from '../http.ts';
import type { ProviderConfig } from '../provider-config.ts';
import { CLASSIFY_JSON_SCHEMA, CLASSIFY_PROMPT, parseClassification } from './answer.ts';
import type { Classification, ClassifyInput, Classifier } from './types.ts';

/** Any OpenAI-compatible `POST /chat/completions` with image input and a JSON-schema answer. */
export class OpenAiClassifier implements Classifier {
  readonly name: string;

  constructor(private readonly config: ProviderConfig, private readonly timeoutMs: number) {
    this.name = `openai:${config.model}`;
  }

  async classify(input: ClassifyInput, signal?: AbortSignal): Promise<Classification> {
    const label = `OpenAI chat (${this.config.model})`;
    const body = {
      model: this.config.model,
      messages: [
        { role: 'system', content: CLASSIFY_PROMPT },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Classify this photo.' },
            { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${await runImageTask('imageForModel', input.image)}`, detail: 'low' } },
          ],
        },
      ],
      response_format: { type: 'json_schema', json_schema: { name: 'photo_classification', strict: true, schema: CLASSIFY_JSON_SCHEMA } },
    };
    const answer = (await callJson(`${this.config.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(this.config.apiKey) },
      body: JSON.stringify(body),
    }, { label, timeoutMs: this.timeoutMs, signal, secret: this.config.apiKey })) as ChatAnswer;
    const message = answer?.choices?.[0]?.message;
    if (message?.refusal) throw new ProviderError(`${label}: the model refused: ${message.refusal}`);
    return parseClassification(message?.content, label);
  }
}

interface ChatAnswer {
  choices?: { message?: { content?: string | null; refusal?: string | null } }[];
}

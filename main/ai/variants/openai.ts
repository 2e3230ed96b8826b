import { runImageTask } from '../../imaging/pool.ts';
import { bearer, callJson } from '../http.ts';
import type { ProviderConfig } from '../provider-config.ts';
import { checkedImage, decodeBase64Image } from './output-image.ts';
import { variantPrompt } from './prompt.ts';
import type { GeneratedVariant, VariantMaker, VariantRequest } from './types.ts';

const DEFAULT_IMAGE_MODEL = 'gpt-image-1';

/**
 * Any OpenAI-compatible `POST /images/edits` (multipart: model, image, prompt, size). gpt-image
 * models always answer `b64_json`; dall-e-2 has to be asked for it and takes square PNGs only.
 */
export class OpenAiVariantMaker implements VariantMaker {
  readonly name = 'openai';

  constructor(private readonly config: ProviderConfig, private readonly timeoutMs: number) {}

  supports(): boolean {
    return true;
  }

  async make(request: VariantRequest, signal?: AbortSignal): Promise<GeneratedVariant> {
    const model = this.config.imageModel || DEFAULT_IMAGE_MODEL;
    const label = `OpenAI image edit (${model})`;
    const dalle2 = model.startsWith('dall-e-2');
    const size = dalle2 ? '1024x1024' : sizeFor(request.width, request.height);
    const [w, h] = size.split('x').map(Number);
    const png = await runImageTask('resizedPng', request.image, w, h, 'cover');
    const prompt = variantPrompt(request.style);
    const form = new FormData();
    form.append('model', model);
    form.append('prompt', prompt);
    form.append('n', '1');
    form.append('size', size);
    if (dalle2) form.append('response_format', 'b64_json');
    form.append('image', new Blob([png], { type: 'image/png' }), 'photo.png');
    const answer = (await callJson(`${this.config.baseUrl}/images/edits`, { method: 'POST', headers: bearer(this.config.apiKey), body: form }, {
      label, timeoutMs: this.timeoutMs, signal, secret: this.config.apiKey,
    })) as { data?: { b64_json?: string; revised_prompt?: string }[] };
    const first = answer?.data?.[0];
    const image = await checkedImage(decodeBase64Image(first?.b64_json, label), label);
    return { ...image, context: { model, prompt, size, ...(first?.revised_prompt ? { revised_prompt: first.revised_prompt } : {}) } };
  }
}

/** The gpt-image sizes: landscape, portrait or square, whichever is nearest the photo. */
function sizeFor(width: number, height: number): string {
  if (width >= height * 1.2) return '1536x1024';
  if (height >= width * 1.2) return '1024x1536';
  return '1024x1024';
}

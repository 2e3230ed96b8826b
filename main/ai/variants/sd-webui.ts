import { runImageTask } from '../../imaging/pool.ts';
import { basicAuth, callJson } from '../http.ts';
import type { ProviderConfig } from '../provider-config.ts';
import { checkedImage, decodeBase64Image } from './output-image.ts';
import { NEGATIVE_PROMPT, variantPrompt } from './prompt.ts';
import type { GeneratedVariant, VariantMaker, VariantRequest } from './types.ts';

/** Stable Diffusion 1.5/XL work best near their training size; the panel pipeline scales the result. */
const LONG_SIDE = 1024;
/** How far img2img may move from the photo: enough for the style, little enough to keep the subject. */
const DENOISING_STRENGTH = 0.55;
const STEPS = 30;

/**
 * Stable Diffusion WebUI (AUTOMATIC1111 and forks) `POST /sdapi/v1/img2img`. The API key setting,
 * if any, is the `--api-auth` "user:password" pair, sent as HTTP Basic auth.
 */
export class SdWebUiVariantMaker implements VariantMaker {
  readonly name = 'sd-webui';

  constructor(private readonly config: ProviderConfig, private readonly timeoutMs: number) {}

  supports(): boolean {
    return true;
  }

  async make(request: VariantRequest, signal?: AbortSignal): Promise<GeneratedVariant> {
    const label = `Stable Diffusion WebUI${this.config.model ? ` (${this.config.model})` : ''}`;
    const scale = LONG_SIDE / Math.max(request.width, request.height);
    const width = multipleOf8(request.width * scale);
    const height = multipleOf8(request.height * scale);
    const init = await runImageTask('resizedPng', request.image, width, height, 'fill');
    const parameters = {
      prompt: variantPrompt(request.style),
      negative_prompt: NEGATIVE_PROMPT,
      denoising_strength: DENOISING_STRENGTH,
      steps: STEPS,
      cfg_scale: 7,
      width,
      height,
      seed: -1,
      ...(this.config.model ? { override_settings: { sd_model_checkpoint: this.config.model }, override_settings_restore_afterwards: true } : {}),
    };
    const answer = (await callJson(`${this.config.baseUrl}/sdapi/v1/img2img`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...basicAuth(this.config.apiKey) },
      body: JSON.stringify({ ...parameters, init_images: [init.toString('base64')], send_images: true, save_images: false }),
    }, { label, timeoutMs: this.timeoutMs, signal, secret: this.config.apiKey })) as { images?: string[]; info?: string };
    const image = await checkedImage(decodeBase64Image(answer?.images?.[0], label), label);
    return { ...image, context: { ...parameters, seed: seedFrom(answer?.info) } };
  }
}

function multipleOf8(value: number): number {
  return Math.max(64, Math.round(value / 8) * 8);
}

/** `info` is a JSON string holding the seed actually used. */
function seedFrom(info: string | undefined): number | null {
  try {
    const seed = JSON.parse(info ?? '').seed;
    return typeof seed === 'number' ? seed : null;
  } catch {
    return null;
  }
}

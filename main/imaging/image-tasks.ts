/**
 * All the work that decodes or encodes pictures, by name, as the image processes (pool.ts) run it.
 * Only they load this module and with it libvips; the server asks for a task by name and gets the
 * answer back, so it never maps libvips or its caches itself.
 */
import { measureImage } from '../ai/classify/image-metrics.ts';
import { imageForModel } from '../ai/classify/model-input.ts';
import { BUILTIN_FILTERS } from '../ai/variants/filters/index.ts';
import type { BuiltinFilterName } from '../ai/variants/filters/names.ts';
import { resizedPng, verifiedImage } from '../ai/variants/provider-images.ts';
import type { Picture } from '../dashboard/picture.ts';
import type { BrowserShot } from '../markup/browser/types.ts';
import type { DrawnMarkup } from '../markup/draw.ts';
import type { MarkupTarget } from '../markup/target.ts';
import { webpThumbnail } from '../library/decode.ts';
import { stagePhoto } from '../library/stage-photo.ts';
import type { RenderOptions, RenderedPanelImage } from './pipeline.ts';
import { findBuiltinProfile } from './profiles.ts';

/** An image (bytes or a file path), or a flat screen drawn first. */
export type RenderSource = Buffer | string | { picture: Picture };

/** What the server keeps of a render: the encoded file. The palette indices (as large again) stay in the image process. */
export type EncodedPanelImage = Omit<RenderedPanelImage, 'indices'>;

export const IMAGE_TASKS = {
  async renderPanelImage(source: RenderSource, opts: RenderOptions): Promise<EncodedPanelImage> {
    const { renderPanelImage } = await import('./pipeline.ts');
    const input = typeof source === 'string' || Buffer.isBuffer(source) ? source : await draw(source.picture, opts);
    const { data, width, height } = await renderPanelImage(input, opts);
    return { data, width, height };
  },
  stagePhoto,
  webpThumbnail,
  measureImage,
  imageForModel,
  builtinFilter: (name: BuiltinFilterName, image: Buffer): Promise<Buffer> => BUILTIN_FILTERS[name](image),
  resizedPng,
  verifiedImage,
  /** TRMNL markup drawn without a browser (main/markup/). */
  async drawMarkup(html: string, target: MarkupTarget): Promise<DrawnMarkup> {
    const { drawMarkupHere } = await import('../markup/draw.ts');
    return drawMarkupHere(html, target);
  },
  /** The same, only the panel-ready PNG (what a display gets). */
  async drawMarkupPng(html: string, target: MarkupTarget): Promise<Buffer> {
    const { drawMarkupPngHere } = await import('../markup/draw.ts');
    return drawMarkupPngHere(html, target);
  },
  /**
   * Loads what a flat picture's render needs (the panel pipeline, the drawing engine and its fonts)
   * and draws one, so the next render pays none of it; answers whether all that was loaded already.
   */
  async warmUp(): Promise<{ alreadyWarm: boolean }> {
    const { drawingEngineLoaded } = await import('../markup/engine.ts');
    const alreadyWarm = drawingEngineLoaded();
    await IMAGE_TASKS.renderPanelImage({ picture: { kind: 'message', text: 'Inkstand' } }, { profile: WARM_UP_PROFILE, rotation: 0, settings: { dither: 'none' } });
    return { alreadyWarm };
  },
  /** A browser's screenshot of a recipe turned into the panel's colours. */
  async markupShotToPanel(shot: BrowserShot, target: MarkupTarget): Promise<Buffer> {
    const { shotToPanel } = await import('../markup/shot-to-panel.ts');
    return shotToPanel(shot, target);
  },
};

export type ImageTasks = typeof IMAGE_TASKS;
export type ImageTaskName = keyof ImageTasks;

/** The most common panel (800×480, black and white): the warm-up draws what most renders draw. */
const WARM_UP_PROFILE = findBuiltinProfile('waveshare-7.5-v2')!;

/**
 * The drawing code (the takumi engine), like the panel pipeline above, is loaded with the first
 * picture or render: an image process started for photos (imports, thumbnails) starts quicker without them.
 */
async function draw(picture: Picture, opts: RenderOptions): Promise<Buffer> {
  const { canvasForPanel, drawPicture } = await import('../dashboard/picture.ts');
  return drawPicture(picture, canvasForPanel(opts.profile, opts.rotation));
}

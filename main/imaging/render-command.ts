import { writeFileAtomic } from '../core/atomic-file.ts';
import { DITHER_ALGORITHMS, isDitherAlgorithm } from './dither/index.ts';
import { renderFrame, renderPreview } from './pipeline.ts';
import { BUILTIN_PROFILES, findBuiltinProfile } from './profiles.ts';
import { ROTATIONS, isRotation } from './rotate.ts';

export interface RenderCommandArgs {
  image: string;
  profile: string;
  dither?: string;
  rotation?: string | number;
  /** The palette saturation slider, 0..1 (Pimoroni's `saturation`). */
  saturation?: string | number;
  out: string;
  /** Write what the panel will show (an RGB PNG in its measured colours) instead of the device file. */
  preview?: boolean;
  format?: 'png' | 'bmp';
}

/** `inkstand render IMAGE --profile NAME [--dither ALG] [--rotation R] [--saturation S] [--preview] [--format png|bmp] --out FILE` */
export async function runRenderCommand(args: RenderCommandArgs): Promise<void> {
  const profile = findBuiltinProfile(args.profile);
  if (!profile) throw new Error(`--profile: unknown panel profile "${args.profile}"; built-in profiles: ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}`);
  const dither = args.dither ?? 'floyd-steinberg';
  if (!isDitherAlgorithm(dither)) throw new Error(`--dither: unknown algorithm "${dither}"; choose one of ${DITHER_ALGORITHMS.join(', ')}`);
  const rotation = Number(args.rotation ?? 0);
  if (!isRotation(rotation)) throw new Error(`--rotation: must be one of ${ROTATIONS.join(', ')}, not "${args.rotation}"`);
  const paletteSaturation = args.saturation === undefined ? undefined : Number(args.saturation);
  if (paletteSaturation !== undefined && !(paletteSaturation >= 0 && paletteSaturation <= 1)) {
    throw new Error(`--saturation: must be a number from 0 to 1, not "${args.saturation}"`);
  }
  const format = args.format ?? 'png';
  if (format !== 'png' && format !== 'bmp') throw new Error(`--format: must be png or bmp, not "${format}"`);
  if (format === 'bmp' && profile.palette.length !== 2) throw new Error(`--format bmp: needs a black/white profile; ${profile.id} has ${profile.palette.length} colours`);
  if (!args.out) throw new Error('--out: give the file to write');

  const frame = await renderFrame(args.image, { profile, rotation, settings: { dither, paletteSaturation }, format });
  await writeFileAtomic(args.out, args.preview ? await renderPreview(frame, profile) : frame.data);
}

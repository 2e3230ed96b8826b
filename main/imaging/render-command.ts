import { writeFileAtomic } from '../core/atomic-file.ts';
import { ADJUSTMENT_LIMIT } from './adjust.ts';
import { DITHER_ALGORITHMS, isDitherAlgorithm } from './dither/index.ts';
import { renderPanelImage, renderPreview } from './pipeline.ts';
import { BUILTIN_PROFILES, findBuiltinProfile } from './profiles.ts';
import { ROTATIONS, isRotation } from './rotate.ts';

export interface RenderCommandArgs {
  image: string;
  profile: string;
  dither?: string;
  rotation?: string | number;
  /** Chroma boost, 0..3 (1 = as the picture is). */
  vividness?: string | number;
  out: string;
  /** Write what the panel will show (an RGB PNG in its measured colours) instead of the device file. */
  preview?: boolean;
  format?: 'png' | 'bmp';
}

/** `inkstand render IMAGE --profile NAME [--dither ALG] [--rotation R] [--vividness V] [--preview] [--format png|bmp] --out FILE` */
export async function runRenderCommand(args: RenderCommandArgs): Promise<void> {
  const profile = findBuiltinProfile(args.profile);
  if (!profile) throw new Error(`--profile: unknown panel profile "${args.profile}"; built-in profiles: ${BUILTIN_PROFILES.map((p) => p.id).join(', ')}`);
  const dither = args.dither ?? 'floyd-steinberg';
  if (!isDitherAlgorithm(dither)) throw new Error(`--dither: unknown algorithm "${dither}"; choose one of ${DITHER_ALGORITHMS.join(', ')}`);
  const rotation = Number(args.rotation ?? 0);
  if (!isRotation(rotation)) throw new Error(`--rotation: must be one of ${ROTATIONS.join(', ')}, not "${args.rotation}"`);
  const vividness = args.vividness === undefined ? undefined : Number(args.vividness);
  if (vividness !== undefined && !(vividness >= 0 && vividness <= ADJUSTMENT_LIMIT)) {
    throw new Error(`--vividness: must be a number from 0 to ${ADJUSTMENT_LIMIT} (1 = as the picture is), not "${args.vividness}"`);
  }
  const format = args.format ?? 'png';
  if (format !== 'png' && format !== 'bmp') throw new Error(`--format: must be png or bmp, not "${format}"`);
  if (format === 'bmp' && profile.palette.length !== 2) throw new Error(`--format bmp: needs a black/white profile; ${profile.id} has ${profile.palette.length} colours`);
  if (!args.out) throw new Error('--out: give the file to write');

  const frame = await renderPanelImage(args.image, { profile, rotation, settings: { dither, vividness }, format });
  await writeFileAtomic(args.out, args.preview ? await renderPreview(frame, profile) : frame.data);
}

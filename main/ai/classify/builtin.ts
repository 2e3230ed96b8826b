import { orientationOf } from '../../library/orientation.ts';
import type { QualityBucket } from '../../storage/entities/photo.ts';
import { runImageTask } from '../../imaging/pool.ts';
import type { ImageMetrics } from './image-metrics.ts';
import type { Classification, ClassifyInput, Classifier } from './types.ts';

/** Below this nothing useful fills a frame, whatever else the picture has. */
const MIN_MEGAPIXELS = 0.05;
const MIN_CONTRAST = 0.02;

/** Each measure as a 0..1 score, and how much it counts towards quality. */
const PARTS: { name: string; weight: number; score: (m: ImageMetrics) => number }[] = [
  // log scale: Laplacian variance 10 (very blurred) → 0, 500 and more (crisp) → 1
  { name: 'sharpness', weight: 3, score: (m) => clamp((Math.log10(Math.max(m.sharpness, 1)) - 1) / 1.7) },
  // mean luminance within 0.35..0.65 is fine; up to 8 % clipped shadows or highlights is fine
  {
    name: 'exposure', weight: 2,
    score: (m) => clamp(1 - Math.max(0, Math.abs(m.brightness - 0.5) - 0.15) / 0.3 - 1.5 * Math.max(0, m.shadowClip - 0.08) - 1.5 * Math.max(0, m.highlightClip - 0.08)),
  },
  { name: 'contrast', weight: 1.5, score: (m) => clamp((m.contrast - 0.04) / 0.14) },
  // a black-and-white photo is not bad, but a colour panel shows colour best
  { name: 'colourfulness', weight: 1, score: (m) => 0.4 + 0.6 * clamp(m.colourfulness / 60) },
  // 0.4 MP → 0.6, 1.6 MP (a 13.3" panel) and more → 1
  { name: 'resolution', weight: 1.5, score: (m) => clamp(0.6 + 0.2 * Math.log2(m.megapixels / 0.4)) },
];

const BUCKETS: [number, QualityBucket][] = [[0.82, 'VERY_GOOD'], [0.65, 'GOOD'], [0.45, 'PASSABLE'], [0, 'BAD']];

/**
 * The offline default: measures the picture and maps the measures to a quality bucket. It cannot
 * tell what a photo shows, so the content type is `Other` and the people count unknown.
 */
export class BuiltinClassifier implements Classifier {
  readonly name = 'builtin';

  async classify(input: ClassifyInput): Promise<Classification> {
    const metrics = await runImageTask('measureImage', input.image, input.width, input.height);
    return { quality: qualityOf(metrics), contentType: 'Other', peopleCount: null, description: describe(metrics, input) };
  }
}

export function qualityOf(m: ImageMetrics): QualityBucket {
  if (m.megapixels < MIN_MEGAPIXELS || m.contrast < MIN_CONTRAST) return 'NOT_SUITED';
  const total = PARTS.reduce((sum, p) => sum + p.weight, 0);
  const q = Math.exp(PARTS.reduce((sum, p) => sum + p.weight * Math.log(Math.max(p.score(m), 0.05)), 0) / total);
  return BUCKETS.find(([min]) => q >= min)![1];
}

function describe(m: ImageMetrics, input: ClassifyInput): string {
  const notes: string[] = [];
  if (m.sharpness < 60) notes.push('blurred');
  if (m.brightness < 0.25 || m.shadowClip > 0.25) notes.push('too dark');
  if (m.brightness > 0.78 || m.highlightClip > 0.25) notes.push('overexposed');
  if (m.contrast < 0.08) notes.push('low contrast');
  if (m.colourfulness < 15) notes.push(m.colourfulness < 3 ? 'black and white' : 'muted colours');
  else if (m.colourfulness > 60) notes.push('very colourful');
  if (m.megapixels < 0.3) notes.push('low resolution');
  const summary = notes.length ? notes.join(', ') : 'sharp, well exposed';
  return `${capitalise(summary)} ${orientationOf(input.width, input.height)}-format picture, ${input.width}×${input.height} (${m.megapixels.toFixed(1)} MP).`;
}

const clamp = (v: number) => Math.min(1, Math.max(0, v));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

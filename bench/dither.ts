/**
 * Dithering benchmark: ms per frame for each algorithm, size and palette (the dither step alone,
 * on RGB decoded beforehand from a real photo), the whole renderFrame, Pillow's Floyd–Steinberg
 * on the same input and palette as the peer, and a quality figure: mean CIELAB ΔE76 between
 * input and output after both are blurred in linear light (σ 1.5 px), which is roughly what an
 * eye a little way from the frame sees.
 *
 * `npx tsx bench/dither.ts` prints one line per figure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { fitToPaletteRange } from '../main/imaging/adjust.ts';
import { srgbToLinear } from '../main/imaging/color.ts';
import { DITHER_ALGORITHMS, ditherRgb } from '../main/imaging/dither/index.ts';
import { renderFrame } from '../main/imaging/pipeline.ts';
import { findBuiltinProfile, type Rgb } from '../main/imaging/profiles.ts';

type Report = (name: string, value: number, unit: string) => void;

const PHOTO = fileURLToPath(new URL('../test/fixtures/photos/inky-7.3-beachanchors.jpg', import.meta.url));
const PILLOW_HELPER = fileURLToPath(new URL('./pillow_dither.py', import.meta.url));
const RUNS = 21;
const SIZES = [
  [800, 480],
  [1600, 1200],
] as const;
const PALETTES: [label: string, palette: Rgb[]][] = [
  ['1-bit', findBuiltinProfile('waveshare-7.5-v2')!.palette],
  ['6-colour', findBuiltinProfile('inky-impression-7.3-spectra6')!.palette],
  ['7-colour', findBuiltinProfile('inky-impression-7.3')!.palette],
];

export async function runDitherBench(report: Report): Promise<void> {
  const photo = readFileSync(PHOTO);
  const work = mkdtempSync(join(tmpdir(), 'inkstand-bench-'));
  try {
    for (const [width, height] of SIZES) {
      const rgb = await decode(photo, width, height);
      for (const [label, palette] of PALETTES) {
        const size = `${width}x${height}`;
        for (const algorithm of DITHER_ALGORITHMS) {
          report(`dither ${algorithm} ${size} ${label}`, medianMs(() => ditherRgb(rgb, width, height, palette, algorithm)), 'ms');
        }
        const pillow = runPillow(work, rgb, width, height, palette);
        if (pillow) {
          const oursMs = medianMs(() => ditherRgb(rgb, width, height, palette, 'floyd-steinberg'));
          report(`pillow floyd-steinberg ${size} ${label}`, pillow.ms, 'ms');
          report(`dither floyd-steinberg ${size} ${label} ours/pillow`, oursMs / pillow.ms, 'ratio');
        } else {
          console.log('note: Pillow (python3 PIL) not found; the Pillow comparison is skipped');
        }
        // Quality on the photo as it is, and as the pipeline hands it over (range fitted into the palette's).
        const fitted = rgb.slice();
        fitToPaletteRange(fitted, palette);
        for (const [input, suffix] of [[rgb, ''], [fitted, ' fitted']] as const) {
          report(`dither floyd-steinberg ${size} ${label} quality${suffix}`, meanBlurredDeltaE(input, ditherRgb(input, width, height, palette, 'floyd-steinberg'), palette, width, height), 'deltaE');
          const peer = input === rgb ? pillow : runPillow(work, input, width, height, palette);
          if (peer) report(`pillow floyd-steinberg ${size} ${label} quality${suffix}`, meanBlurredDeltaE(input, peer.indices, palette, width, height), 'deltaE');
        }
      }
    }
    for (const id of ['inky-impression-7.3', 'spectra6-13.3'] as const) {
      const profile = findBuiltinProfile(id)!;
      const opts = { profile, rotation: 0 as const, settings: { dither: 'floyd-steinberg' as const } };
      report(`renderFrame ${id} ${profile.width}x${profile.height} from JPEG`, await medianMsAsync(() => renderFrame(photo, opts)), 'ms');
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function decode(photo: Buffer, width: number, height: number): Promise<Uint8Array> {
  const data = await sharp(photo).resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function medianMs(run: () => unknown): number {
  for (let i = 0; i < 3; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function medianMsAsync(run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return median(times);
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1];

function runPillow(work: string, rgb: Uint8Array, width: number, height: number, palette: Rgb[]): { ms: number; indices: Uint8Array } | undefined {
  const input = join(work, 'input.rgb');
  const output = join(work, 'output.idx');
  writeFileSync(input, rgb);
  const result = spawnSync('/usr/bin/python3', [PILLOW_HELPER, input, String(width), String(height), JSON.stringify(palette), String(RUNS), output], {
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) return undefined;
  return { ms: JSON.parse(result.stdout).median_ms, indices: new Uint8Array(readFileSync(output)) };
}

/** Mean ΔE76 between the picture and its dithered version, both blurred in linear light. */
function meanBlurredDeltaE(rgb: Uint8Array, indices: Uint8Array, palette: Rgb[], width: number, height: number): number {
  const toLinear = Float32Array.from({ length: 256 }, (_, v) => srgbToLinear(v / 255));
  const source = Float32Array.from(rgb, (v) => toLinear[v]);
  const dithered = new Float32Array(rgb.length);
  indices.forEach((k, p) => palette[k].forEach((v, c) => (dithered[3 * p + c] = toLinear[v])));
  const a = blur(source, width, height, 1.5);
  const b = blur(dithered, width, height, 1.5);
  let total = 0;
  for (let p = 0; p < width * height; p++) {
    const [l1, a1, b1] = cieLab(a[3 * p], a[3 * p + 1], a[3 * p + 2]);
    const [l2, a2, b2] = cieLab(b[3 * p], b[3 * p + 1], b[3 * p + 2]);
    total += Math.hypot(l1 - l2, a1 - a2, b1 - b2);
  }
  return total / (width * height);
}

/** Separable Gaussian blur of interleaved RGB, edges clamped. */
function blur(image: Float32Array, width: number, height: number, sigma: number): Float32Array {
  const radius = Math.ceil(3 * sigma);
  const weights = Array.from({ length: 2 * radius + 1 }, (_, i) => Math.exp(-((i - radius) ** 2) / (2 * sigma * sigma)));
  const sum = weights.reduce((s, w) => s + w, 0);
  const kernel = weights.map((w) => w / sum);
  const pass = (src: Float32Array, horizontal: boolean): Float32Array => {
    const out = new Float32Array(src.length);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        for (let c = 0; c < 3; c++) {
          let acc = 0;
          for (let i = -radius; i <= radius; i++) {
            const sx = horizontal ? Math.min(width - 1, Math.max(0, x + i)) : x;
            const sy = horizontal ? y : Math.min(height - 1, Math.max(0, y + i));
            acc += kernel[i + radius] * src[3 * (sy * width + sx) + c];
          }
          out[3 * (y * width + x) + c] = acc;
        }
      }
    }
    return out;
  };
  return pass(pass(image, true), false);
}

/** Linear-light sRGB → CIELAB (D65). */
function cieLab(r: number, g: number, b: number): [number, number, number] {
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await runDitherBench((name, value, unit) => console.log(`${name}: ${value.toFixed(unit === 'ratio' ? 2 : unit === 'deltaE' ? 2 : 1)} ${unit}`));
}

/**
 * Dithering benchmark.
 *
 * Quality, per panel (7-colour, Spectra 6, black/white), over the quality image set: the real
 * frame (renderPanelImage, default settings) judged as a viewer sees it — mean seen ΔE76, mean ΔL* and
 * the chroma ratio (test/imaging/helpers/seen-error.ts) — next to Pillow's plain Floyd–Steinberg
 * to the same palette and next to the Pimoroni way (Pillow to the palette blended halfway toward
 * pure RGB, `set_image(saturation=0.5)`, shown in the panel's real colours).
 *
 * Speed: ms per frame for each algorithm (the mapping into the panel's colours and the dither,
 * from RGB decoded beforehand: the dither step a frame goes through), the whole renderPanelImage, and
 * the ratio of each algorithm to Pillow's Floyd–Steinberg (Pillow does no mapping), timed in
 * alternating rounds so both see the same machine load: in wall time, and in CPU time (each
 * process's own), which a machine shared with other work disturbs less.
 */
import sharp from 'sharp';
import { DITHER_ALGORITHMS, ditherRgb, type DitherAlgorithm } from '../main/imaging/dither/index.ts';
import { renderPanelImage } from '../main/imaging/pipeline.ts';
import { findBuiltinProfile, type PanelProfile, type Rgb } from '../main/imaging/profiles.ts';
import { loadCanvasRgb } from '../main/imaging/source-image.ts';
import { QUALITY_IMAGES, QUALITY_PROFILES } from '../test/imaging/helpers/quality-set.ts';
import { seenError, type SeenError } from '../test/imaging/helpers/seen-error.ts';
import { runPillowDither } from './pillow.ts';
import type { Report } from './report.ts';

const PHOTO = QUALITY_IMAGES[0].path;
const RUNS = 11;
const ROUNDS = 5;

/** Pimoroni's DESATURATED_PALETTE (pure RGB), which its driver blends the measured palette toward. */
const PIMORONI_PURE: Record<string, Rgb[]> = {
  'inky-impression-7.3': [[0, 0, 0], [255, 255, 255], [0, 255, 0], [0, 0, 255], [255, 0, 0], [255, 255, 0], [255, 140, 0]],
  'spectra6-13.3': [[0, 0, 0], [255, 255, 255], [255, 255, 0], [255, 0, 0], [0, 0, 255], [0, 255, 0]],
};

export async function runDitherBench(report: Report): Promise<void> {
  for (const id of QUALITY_PROFILES) await qualityOf(findBuiltinProfile(id)!, report);
  await speed(report);
}

async function qualityOf(profile: PanelProfile, report: Report): Promise<void> {
  const ours: SeenError[] = [];
  const pillow: SeenError[] = [];
  const pimoroni: SeenError[] = [];
  let worse = 0;
  for (const { path } of QUALITY_IMAGES) {
    const source = await loadCanvasRgb(path, profile.width, profile.height);
    const frame = await renderPanelImage(path, { profile, rotation: 0, settings: { dither: 'floyd-steinberg' } });
    ours.push(seenError(source, frame.indices, profile.palette, profile.width, profile.height));
    const plain = runPillowDither(source, profile.width, profile.height, profile.palette, 1);
    if (!plain) continue;
    pillow.push(seenError(source, plain.indices, profile.palette, profile.width, profile.height));
    if (ours.at(-1)!.deltaE > pillow.at(-1)!.deltaE) worse++;
    const blended = pimoroniPalette(profile);
    const theirs = blended && runPillowDither(source, profile.width, profile.height, blended, 1);
    if (theirs) pimoroni.push(seenError(source, theirs.indices, profile.palette, profile.width, profile.height));
  }
  const name = `quality ${profile.id}`;
  for (const [who, figures] of [['frame', ours], ['pillow', pillow], ['pimoroni way', pimoroni]] as const) {
    if (figures.length === 0) continue;
    report(`${name} ${who} seen ΔE`, mean(figures.map((f) => f.deltaE)), 'deltaE');
    report(`${name} ${who} ΔL*`, mean(figures.map((f) => f.deltaL)), 'deltaL');
    report(`${name} ${who} chroma ratio`, sum(figures.map((f) => f.chroma)) / sum(figures.map((f) => f.sourceChroma)), 'ratio');
  }
  if (pillow.length > 0) report(`${name} pictures worse than pillow`, worse, 'count');
  else console.log('note: Pillow (python3 PIL) not found; its figures are skipped');
}

function pimoroniPalette(profile: PanelProfile): Rgb[] | undefined {
  const pure = PIMORONI_PURE[profile.id];
  return pure && profile.palette.map((measured, i) => measured.map((v, c) => Math.trunc(0.5 * v + 0.5 * pure[i][c])) as unknown as Rgb);
}

async function speed(report: Report): Promise<void> {
  for (const [width, height] of [[800, 480], [1600, 1200]] as const) {
    const rgb = await decode(width, height);
    for (const id of ['waveshare-7.5-v2', 'inky-impression-7.3-spectra6', 'inky-impression-7.3'] as const) {
      const { palette } = findBuiltinProfile(id)!;
      const label = `${width}x${height} ${palette.length === 2 ? '1-bit' : `${palette.length}-colour`}`;
      for (const algorithm of DITHER_ALGORITHMS) report(`dither ${algorithm} ${label}`, medianMs(() => ditherRgb(rgb, width, height, palette, algorithm)), 'ms');
      if (width === 800) againstPillow(rgb, width, height, palette, label, report);
    }
  }
  const photo = await sharp(PHOTO).toBuffer();
  for (const id of ['inky-impression-7.3', 'spectra6-13.3'] as const) {
    const profile = findBuiltinProfile(id)!;
    const opts = { profile, rotation: 0 as const, settings: { dither: 'floyd-steinberg' as const } };
    report(`renderPanelImage ${id} ${profile.width}x${profile.height} from JPEG`, await medianMsAsync(() => renderPanelImage(photo, opts)), 'ms');
  }
}

const AGAINST_PILLOW = DITHER_ALGORITHMS.filter((a): a is Exclude<DitherAlgorithm, 'none'> => a !== 'none');

/** Pillow's Floyd–Steinberg and each of our algorithms in alternating rounds; the median of each round's ratio. */
function againstPillow(rgb: Uint8Array, width: number, height: number, palette: Rgb[], label: string, report: Report): void {
  const pillowMs: number[] = [];
  const ratios = AGAINST_PILLOW.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let round = 0; round < ROUNDS; round++) {
    const pillow = runPillowDither(rgb, width, height, palette, RUNS);
    if (!pillow) return void console.log('note: Pillow (python3 PIL) not found; the speed comparison is skipped');
    pillowMs.push(pillow.ms);
    AGAINST_PILLOW.forEach((algorithm, i) => {
      const ours = medianTimes(() => ditherRgb(rgb, width, height, palette, algorithm));
      ratios[i].wall.push(ours.wall / pillow.ms);
      ratios[i].cpu.push(ours.cpu / pillow.cpuMs);
    });
  }
  report(`pillow floyd-steinberg ${label}`, median(pillowMs), 'ms');
  AGAINST_PILLOW.forEach((algorithm, i) => {
    report(`dither ${algorithm} ${label} ours/pillow floyd-steinberg`, median(ratios[i].wall), 'ratio');
    report(`dither ${algorithm} ${label} ours/pillow floyd-steinberg, cpu time`, median(ratios[i].cpu), 'ratio');
  });
}

async function decode(width: number, height: number): Promise<Uint8Array> {
  const data = await sharp(PHOTO).resize(width, height, { fit: 'cover' }).removeAlpha().raw().toBuffer();
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

function medianMs(run: () => unknown): number {
  return medianTimes(run).wall;
}

/** Median wall and CPU time (this process's) of a run, in ms. */
function medianTimes(run: () => unknown): { wall: number; cpu: number } {
  for (let i = 0; i < 3; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    run();
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - started);
  }
  return { wall: median(wall), cpu: median(cpu) };
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

const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);
const mean = (values: number[]): number => sum(values) / values.length;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { LaidOutBox } from '../../../main/markup/boxes.ts';

const run = promisify(execFile);

/** Pixels of text height tesseract reads best. */
const LINE_HEIGHT = 64;
const GAP = 24;

/**
 * The text tesseract reads in each text box of a drawn panel image. Each box is cut out of the
 * image, turned dark-on-light if it is light-on-dark (title bars, inverted labels, dark mode),
 * scaled to lines of about 64 px, and the cut-outs are stacked into one page for one tesseract
 * run. Only the pixels are read: the boxes say where to look, not what is there.
 */
export async function ocrTextBoxes(png: Buffer, root: LaidOutBox): Promise<string> {
  const { data, info } = await sharp(png).toColourspace('b-w').extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const crops: { image: Buffer; width: number; height: number }[] = [];
  const scale = Math.max(1, Math.round(Math.min(info.width / 800, info.height / 480)));
  for (const box of textBoxes(root)) {
    // A label's outline or fill is cut away (tesseract skips text inside a drawn rectangle): its inside is read.
    const framed = box.classes.some((c) => /^label--(outline|inverted|filled)$/.test(c));
    const [insetX, insetY] = framed ? [3 * scale, 2 * scale] : [-2, -2];
    const left = Math.max(0, Math.floor(box.x) + insetX);
    const top = Math.max(0, Math.floor(box.y) + insetY);
    const width = Math.min(info.width, Math.ceil(box.x + box.width) - insetX) - left;
    const height = Math.min(info.height, Math.ceil(box.y + box.height) - insetY) - top;
    if (width < 4 || height < 4) continue;
    const targetHeight = Math.max(1, box.lines ?? 1) * LINE_HEIGHT;
    const scaled = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
      .extract({ left, top, width, height })
      .resize({ height: targetHeight, kernel: 'cubic' })
      .extractChannel(0)
      .raw()
      .toBuffer({ resolveWithObject: true });
    stretch(scaled.data, meanOf(data, info.width, { left, top, width, height }) < 128);
    crops.push({ image: scaled.data, width: scaled.info.width, height: scaled.info.height });
  }
  if (crops.length === 0) return '';
  const sheetWidth = Math.min(6000, Math.max(...crops.map((c) => c.width)) + 2 * GAP);
  const sheetHeight = crops.reduce((h, c) => h + c.height + GAP, GAP);
  const sheet = Buffer.alloc(sheetWidth * sheetHeight, 255);
  let y = GAP;
  for (const crop of crops) {
    const width = Math.min(crop.width, sheetWidth - GAP);
    for (let row = 0; row < crop.height; row++) crop.image.copy(sheet, (y + row) * sheetWidth + GAP, row * crop.width, row * crop.width + width);
    y += crop.height + GAP;
  }
  const page = await sharp(sheet, { raw: { width: sheetWidth, height: sheetHeight, channels: 1 } }).png().toBuffer();
  if (process.env.OCR_SHEET) await writeFile(process.env.OCR_SHEET, page);
  return tesseract(page, '4');
}

/**
 * Ink to black and paper to white, turning light-on-dark text dark-on-light. Paper is the crop's
 * median (text covers less than half of its box), so a grey fill behind text is paper too, even
 * when the crop also takes in white around the box.
 */
function stretch(grey: Buffer, invert: boolean): void {
  if (invert) for (let i = 0; i < grey.length; i++) grey[i] = 255 - grey[i];
  const sorted = Uint8Array.from(grey).sort();
  const low = sorted[0];
  const paper = Math.max(low + 1, sorted[Math.floor(sorted.length / 2)]);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.min(255, Math.round(((grey[i] - low) * 255) / (paper - low)));
}

function meanOf(grey: Buffer, stride: number, { left, top, width, height }: { left: number; top: number; width: number; height: number }): number {
  let sum = 0;
  for (let y = top; y < top + height; y++) for (let x = left; x < left + width; x++) sum += grey[y * stride + x];
  return sum / (width * height);
}

/** The boxes that hold text of their own. */
function textBoxes(root: LaidOutBox): LaidOutBox[] {
  return root.text !== undefined ? [root] : root.children.flatMap(textBoxes);
}

/** The whole image read as a page (for drawings without a laid-out tree: a browser's). */
export async function ocrText(png: Buffer): Promise<string> {
  const meta = await sharp(png).metadata();
  const scaled = await sharp(png).toColourspace('b-w').resize({ width: Math.min(4800, (meta.width ?? 800) * 3), kernel: 'cubic' }).png().toBuffer();
  return tesseract(scaled, '11');
}

async function tesseract(png: Buffer, psm: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'inkstand-ocr-'));
  try {
    const file = path.join(dir, 'page.png');
    await writeFile(file, png);
    // One thread: tesseract's OpenMP threads spin while they wait, which costs several times the CPU
    // on a busy machine (test files run side by side) and is no faster on a page this small.
    const { stdout } = await run('tesseract', [file, 'stdout', '--psm', psm], { maxBuffer: 4 << 20, env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    return stdout.replace(/[ \t]+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Whether `text` holds `wanted` with at most one wrong character per six (OCR of a 1-bit glyph
 * may take an "ll" for "lt" or "gg" for "q"); strings under six characters must be read exactly.
 */
export function readsAs(text: string, wanted: string): boolean {
  const maxEdits = Math.floor(wanted.length / 6);
  // Approximate substring matching (Sellers): the edit distance of `wanted` to the best substring of `text`.
  let previous = new Array<number>(text.length + 1).fill(0);
  for (let i = 1; i <= wanted.length; i++) {
    const current = [i];
    for (let j = 1; j <= text.length; j++) {
      const cost = wanted[i - 1] === text[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return Math.min(...previous) <= maxEdits;
}

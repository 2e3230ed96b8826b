import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

/**
 * The text tesseract reads in a panel image, dark-on-light and (from the negative) light-on-dark
 * text alike. The image is scaled up 3× first (tesseract reads text of 30–60 px best), which also
 * rounds the steps of 1-bit glyph edges; nothing else is done to it.
 */
export async function ocrText(png: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'inkstand-ocr-'));
  try {
    const meta = await sharp(png).metadata();
    const scaled = sharp(png).toColourspace('b-w').resize({ width: Math.min(4800, (meta.width ?? 800) * 3), kernel: 'cubic' });
    const texts: string[] = [];
    // Sparse text suits the page; the negative is read as a page, where its light-on-dark bars become whole lines.
    for (const [name, image, psm] of [['positive', scaled.clone(), '11'], ['negative', scaled.clone().negate(), '3']] as const) {
      const file = path.join(dir, `${name}.png`);
      await writeFile(file, await image.png().toBuffer());
      const { stdout } = await run('tesseract', [file, 'stdout', '--psm', psm], { maxBuffer: 4 << 20 });
      texts.push(stdout);
    }
    return texts.join('\n').replace(/[ \t]+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

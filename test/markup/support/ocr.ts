import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

/**
 * The text tesseract reads in a panel image. The image is scaled up 2× first (tesseract reads
 * text of 20–40 px best); a 1-bit or grey panel image is given to it as it is, no cleaning.
 */
export async function ocrText(png: Buffer): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'inkstand-ocr-'));
  try {
    const file = path.join(dir, 'in.png');
    const meta = await sharp(png).metadata();
    await writeFile(file, await sharp(png).toColourspace('b-w').resize({ width: Math.min(3200, (meta.width ?? 800) * 2), kernel: 'nearest' }).png().toBuffer());
    const { stdout } = await run('tesseract', [file, 'stdout', '--psm', '11'], { maxBuffer: 4 << 20 });
    return stdout.replace(/[ \t]+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

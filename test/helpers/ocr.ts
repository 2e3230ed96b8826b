import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

/**
 * The text tesseract (Debian's tesseract-ocr, in .ci/run's package list) reads in a PNG, enlarged
 * twice first (panel text is small for it), whitespace collapsed.
 */
export async function readText(png: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-ocr-'));
  try {
    const file = path.join(dir, 'in.png');
    const { width } = await sharp(png).metadata();
    await sharp(png).resize((width ?? 800) * 2).greyscale().toFile(file);
    const { stdout } = await promisify(execFile)('tesseract', [file, 'stdout', '--psm', '3'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    return stdout.replace(/\s+/g, ' ').trim();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

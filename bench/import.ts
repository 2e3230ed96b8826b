import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { closeImagePool } from '../main/imaging/pool.ts';
import { importFolder } from '../main/library/import-folder.ts';
import { createTestApp } from '../test/library/test-app.ts';
import type { Report } from './report.ts';

const PHOTOS = 200;
const WIDTH = 4000;
const HEIGHT = 3000;
const SAMPLE = path.resolve(import.meta.dirname, '../test/fixtures/library/beach.jpg');

/**
 * Import throughput (originals kept, thumbnail and plain variant made, rows stored) for 200
 * generated 12-megapixel JPEGs, against two references in the same run, sharp decoding the same
 * files in this process, as many at once as there are cores: at full size, and shrunk to 1/8 as
 * they load (libjpeg then skips most of the IDCT; what is left is the entropy decoding, which no
 * decode avoids). A 2560 px variant cannot be shrunk as it loads from a 4000 px JPEG (libjpeg
 * scales by 1/2, 1/4, 1/8 only, and sharp takes 1/2 only for a third or less), so the full-size
 * decode is the floor of an import's work. The CPU time is split between the server (this
 * process) and the image processes (its children, counted once they have exited).
 */
export async function runImportBench(report: Report): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-import-bench-'));
  const t = await createTestApp();
  try {
    const bytes = await generatePhotos(dir);
    const files = fs.readdirSync(dir).map((name) => path.join(dir, name));
    const childCpuBefore = childrenCpuMs();
    const serverCpuBefore = process.cpuUsage();
    let result: Awaited<ReturnType<typeof importFolder>> | undefined;
    const seconds = await timed(async () => {
      result = await importFolder(t.app, dir);
    });
    const serverCpu = process.cpuUsage(serverCpuBefore);
    await closeImagePool();
    const childCpu = childrenCpuMs() - childCpuBefore;
    // After the import: the references' 36 MB of pixels per photo are garbage this process collects later, not the server's work.
    const decode = await measured(() => decodeAll(files, 1));
    const entropyOnly = await measured(() => decodeAll(files, 8));
    if (result!.imported !== PHOTOS) throw new Error(`imported ${result!.imported} of ${PHOTOS}: ${JSON.stringify(result!.failed.slice(0, 3))}`);
    report('import: 12 MP JPEGs with thumbnails', PHOTOS / seconds, 'photos/s');
    report('import: reference, sharp full-size decode of the same files', PHOTOS / decode.seconds, 'photos/s');
    report('import: ratio to the reference (1 = as fast as decoding alone)', decode.seconds / seconds, '×');
    report('import: reference, sharp decode shrunk to 1/8 on load', PHOTOS / entropyOnly.seconds, 'photos/s');
    report('import: reference CPU per photo, full-size decode', decode.cpuMs / PHOTOS, 'ms');
    report('import: reference CPU per photo, decode shrunk to 1/8', entropyOnly.cpuMs / PHOTOS, 'ms');
    report('import: server CPU per photo', (serverCpu.user + serverCpu.system) / 1000 / PHOTOS, 'ms');
    report('import: image processes CPU per photo', childCpu / PHOTOS, 'ms');
    report('import: input read', bytes / 1048576 / seconds, 'MB/s');
    report('import: load average (1 min) at the end', os.loadavg()[0], '');
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

/** Wall time and this process's CPU time (all its threads) of some work. */
async function measured(work: () => Promise<void>): Promise<{ seconds: number; cpuMs: number }> {
  const before = process.cpuUsage();
  const seconds = await timed(work);
  const cpu = process.cpuUsage(before);
  return { seconds, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** A reference: every file decoded to pixels at 1/`shrink` of its size (shrunk as it loads), one per core at a time. */
async function decodeAll(files: string[], shrink: 1 | 8): Promise<void> {
  const queue = [...files];
  const decode = (file: string) => (shrink === 1 ? sharp(file) : sharp(file).resize({ width: WIDTH / shrink })).raw().toBuffer();
  const lane = async (): Promise<void> => {
    for (let file = queue.shift(); file; file = queue.shift()) await decode(file);
  };
  await Promise.all(Array.from({ length: os.availableParallelism() }, lane));
}

/** CPU time (user + system) of this process's exited, waited-for children, from /proc (Linux). */
function childrenCpuMs(): number {
  const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // cutime and cstime, in clock ticks of 10 ms.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/**
 * Photo-like 12 MP JPEGs: a real photo enlarged, with sensor-like noise, encoded once; each file
 * gets its own JPEG comment segment, so each is new to the library and costs a full decode.
 */
async function generatePhotos(dir: string): Promise<number> {
  const noise = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 24 } } }).png().toBuffer();
  const jpeg = await sharp(SAMPLE).resize(WIDTH, HEIGHT, { fit: 'cover' }).composite([{ input: noise, blend: 'soft-light' }]).jpeg({ quality: 90 }).toBuffer();
  for (let i = 0; i < PHOTOS; i++) fs.writeFileSync(path.join(dir, `IMG_${String(i).padStart(4, '0')}.jpg`), withComment(jpeg, `bench photo ${i}`));
  return jpeg.length * PHOTOS;
}

/** Inserts a COM segment right after the SOI marker. */
export function withComment(jpeg: Buffer, text: string): Buffer {
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.alloc(4);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, body, jpeg.subarray(2)]);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runImportBench((name, value, unit) => console.log(`${name.padEnd(50)} ${value.toFixed(2).padStart(10)} ${unit}`));
}

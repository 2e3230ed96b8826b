import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rgb } from '../main/imaging/profiles.ts';

const HELPER = fileURLToPath(new URL('./pillow_dither.py', import.meta.url));

/**
 * Pillow's Floyd–Steinberg of raw RGB to a palette (bench/pillow_dither.py), run `runs` times:
 * its median wall and CPU time and the indices; undefined when python3 with PIL is not installed.
 */
export function runPillowDither(rgb: Uint8Array, width: number, height: number, palette: readonly Rgb[], runs: number): { ms: number; cpuMs: number; indices: Uint8Array } | undefined {
  const work = mkdtempSync(join(tmpdir(), 'inkstand-pillow-'));
  try {
    const input = join(work, 'input.rgb');
    const output = join(work, 'output.idx');
    writeFileSync(input, rgb);
    const result = spawnSync('/usr/bin/python3', [HELPER, input, String(width), String(height), JSON.stringify(palette), String(runs), output], { encoding: 'utf8' });
    if (result.error || result.status !== 0) return undefined;
    const { median_ms: ms, median_cpu_ms: cpuMs } = JSON.parse(result.stdout);
    return { ms, cpuMs, indices: new Uint8Array(readFileSync(output)) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

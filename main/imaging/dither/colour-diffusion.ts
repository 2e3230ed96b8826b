/**
 * Error diffusion of colour pictures, run in WebAssembly (diffusion.wat, where the reason is
 * given): this module lays the picture and the tables out in the module's memory and calls it
 * row by row, alternating direction. Calling per row also lets V8 move from its quick first
 * compile of the module to the optimised one in the middle of the first picture.
 *
 * One instance per process (each image renderer process has its own), made on first use. Its
 * memory grows to the largest picture dithered (about 9 MB for 1600×1200) and is reused.
 */
import type { ColourLut } from '../gamut/panel-lut.ts';
import { DIFFUSION_WASM } from './diffusion-wasm.ts';
import { kernelWeights, type DiffusionKernel } from './error-diffusion.ts';
import { CELL_B, CELL_G, CELL_R, CELL_SHIFT, LINEAR_MAX, REACH_HIGH, REACH_LOW, type DiffusionMatcher } from './palette-matcher.ts';

interface DiffusionExports {
  memory: WebAssembly.Memory;
  OFFSETS: WebAssembly.Global;
  CELLS: WebAssembly.Global;
  CUBE: WebAssembly.Global;
  PALETTE: WebAssembly.Global;
  DYNAMIC: WebAssembly.Global;
  BIAS: WebAssembly.Global;
  LINEAR_MAX: WebAssembly.Global;
  REACH_LOW: WebAssembly.Global;
  REACH_HIGH: WebAssembly.Global;
  CELL_SHIFT: WebAssembly.Global;
  floydSteinbergRow(s: number, p: number, width: number, forward: number, current: number, below: number): void;
  kernelRow(s: number, p: number, width: number, forward: number, row0: number, row1: number, row2: number, shift: number, ahead1: number, ahead2: number, ...weights: number[]): void;
}

/** Bytes of one cell of a row of error: r, g, b and an unused lane. */
const CELL_BYTES = 16;
/** Entries of each of the CELLS tables: every value with error added, >> CELL_SHIFT, with BIAS. */
const CELL_ENTRIES = 5120;

/** Floyd–Steinberg of an sRGB picture through its colour mapping to the palette of `m`: palette indices into `out`. */
export function floydSteinbergColour(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, out: Uint8Array): void {
  const wasm = (instance ??= new ColourDiffusion());
  const rowBytes = (width + 2) * CELL_BYTES;
  const at = wasm.load(rgb, width, height, lut, m, 2 * rowBytes);
  let current = at.errors;
  let below = at.errors + rowBytes;
  for (let y = 0; y < height; y++) {
    wasm.exports.floydSteinbergRow(at.rgb + y * width * 3, at.out + y * width, width, (y & 1) === 0 ? 1 : 0, current, below);
    [current, below] = [below, current];
  }
  wasm.read(at.out, out);
}

/** The same with any kernel of up to 5 × 3 taps (Atkinson, Sierra, Stucki). */
export function diffuseColourWithKernel(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, kernel: DiffusionKernel, out: Uint8Array): void {
  const wasm = (instance ??= new ColourDiffusion());
  const { shift, ahead, below } = kernelWeights(kernel);
  const rowBytes = (width + 4) * CELL_BYTES;
  const at = wasm.load(rgb, width, height, lut, m, 3 * rowBytes);
  const rows = [at.errors, at.errors + rowBytes, at.errors + 2 * rowBytes];
  const mirrored = below.map((weights) => [...weights].reverse());
  for (let y = 0; y < height; y++) {
    const forward = (y & 1) === 0;
    const [one, two] = forward ? below : mirrored;
    wasm.exports.kernelRow(at.rgb + y * width * 3, at.out + y * width, width, forward ? 1 : 0, rows[0], rows[1], rows[2], shift, ahead[0], ahead[1], ...one, ...two);
    rows.push(rows.shift()!);
  }
  wasm.read(at.out, out);
}

let instance: ColourDiffusion | undefined;

class ColourDiffusion {
  readonly exports: DiffusionExports;
  private readonly bias: number;
  private lut?: ColourLut;
  private matcher?: DiffusionMatcher;

  constructor() {
    const module = new WebAssembly.Module(Buffer.from(DIFFUSION_WASM, 'base64'));
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as DiffusionExports;
    const assumed = { LINEAR_MAX, REACH_LOW, REACH_HIGH, CELL_SHIFT };
    for (const [name, value] of Object.entries(assumed)) {
      if (this.exports[name as keyof typeof assumed].value !== value) throw new Error(`diffusion.wat assumes ${name} ${this.exports[name as keyof typeof assumed].value}, not ${value}`);
    }
    this.bias = this.exports.BIAS.value;
    this.writeCells();
  }

  /** Lays out and copies in the picture (and the tables, when they changed); the rows of error start at zero. */
  load(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, errorBytes: number): { rgb: number; out: number; errors: number } {
    const grid = this.exports.DYNAMIC.value;
    const errors = align(grid + lut.grid.byteLength);
    const picture = align(errors + errorBytes);
    const out = align(picture + rgb.length);
    const memory = this.exports.memory;
    const end = out + width * height;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
    if (lut !== this.lut) this.writeMapping(lut, grid);
    if (m !== this.matcher) this.writePalette(m);
    const heap = new Uint8Array(memory.buffer);
    heap.set(rgb, picture);
    heap.fill(0, errors, errors + errorBytes);
    return { rgb: picture, out, errors };
  }

  read(from: number, out: Uint8Array): void {
    out.set(new Uint8Array(this.exports.memory.buffer, from, out.length));
  }

  private writeMapping(lut: ColourLut, grid: number): void {
    const { buffer } = this.exports.memory;
    const offsets = new Int32Array(buffer, this.exports.OFFSETS.value, 4 * 256);
    for (let v = 0; v < 256; v++) {
      offsets[v] = grid + 2 * lut.offsetR[v];
      offsets[256 + v] = 2 * lut.offsetG[v];
      offsets[512 + v] = 2 * lut.offsetB[v];
      offsets[768 + v] = lut.rest[v] + this.bias;
    }
    new Uint16Array(buffer, grid, lut.grid.length).set(lut.grid);
    this.lut = lut;
  }

  private writePalette(m: DiffusionMatcher): void {
    const { buffer } = this.exports.memory;
    const cube = new Uint16Array(buffer, this.exports.CUBE.value, m.cube.length);
    for (let i = 0; i < m.cube.length; i++) cube[i] = m.cube[i] * 32;
    const palette = new Int32Array(buffer, this.exports.PALETTE.value, m.size * 8).fill(0);
    for (let k = 0; k < m.size; k++) {
      for (let c = 0; c < 3; c++) {
        palette[8 * k + c] = m.linear[3 * k + c] + this.bias;
        palette[8 * k + 4 + c] = 7 * (m.linear[3 * k + c] + this.bias);
      }
    }
    this.matcher = m;
  }

  /** The cube's cells for every value with error added, not only those within reach: a value beyond falls in the cell at the edge. */
  private writeCells(): void {
    [CELL_R, CELL_G, CELL_B].forEach((cells, c) => {
      const table = new Uint16Array(this.exports.memory.buffer, this.exports.CELLS.value + c * CELL_ENTRIES * 2, CELL_ENTRIES);
      for (let i = 0; i < CELL_ENTRIES; i++) {
        const value = Math.min(REACH_HIGH, Math.max(REACH_LOW, (i << CELL_SHIFT) - this.bias));
        table[i] = 2 * cells[(value - REACH_LOW) >> CELL_SHIFT];
      }
    });
  }
}

const align = (address: number): number => (address + 15) & ~15;

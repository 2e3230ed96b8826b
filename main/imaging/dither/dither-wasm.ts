/**
 * The WebAssembly of the dithering (diffusion.wat, where the reason is given): one instance per
 * process (each image renderer process has its own), made on first use, with the picture and
 * the tables laid out in its memory by this module for the row functions colour-diffusion.ts
 * and ordered.ts call. Its memory grows to the largest picture dithered (about 9 MB for
 * 1600×1200) and is reused.
 */
import type { ColourLut, LuminanceLut } from '../gamut/panel-lut.ts';
import { DIFFUSION_WASM } from './diffusion-wasm.ts';
import { CELL_B, CELL_G, CELL_R, CELL_SHIFT, GREY_SHIFT, LINEAR_MAX, REACH_HIGH, REACH_LOW, type DiffusionMatcher, type GreyMatcher } from './palette-matcher.ts';

interface DitherExports {
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
  orderedRow(s: number, p: number, width: number, thresholds: number, mask: number, pairCube: number, pairs: number): void;
  greyKernelRow(s: number, p: number, width: number, forward: number, row0: number, row1: number, row2: number, shift: number, ahead1: number, ahead2: number, ...weightsThenTables: number[]): void;
  greyOrderedRow(s: number, p: number, width: number, thresholds: number, mask: number, tables: number): void;
}

/** Where load() put a picture in the module's memory: its sRGB bytes, the indices written, the dither's scratch (zeroed). */
export interface Loaded {
  readonly rgb: number;
  readonly out: number;
  readonly scratch: number;
  /** For panels of greys: where their tables are. */
  readonly tables: number;
}

/** Bytes of the tables of a panel of greys, and where each starts (diffusion.wat describes them). */
const GREY_TABLES = { levels: 3072, above: 4096, below: 4352, nearest: 4608, curve: 16896 } as const;
const GREY_NEAREST_ENTRIES = ((REACH_HIGH - REACH_LOW) >> GREY_SHIFT) + 1;

/** Entries of each of the CELLS tables: every value with error added, >> CELL_SHIFT, with BIAS. */
const CELL_ENTRIES = 5120;

let instance: DitherWasm | undefined;

export const ditherWasm = (): DitherWasm => (instance ??= new DitherWasm());

export class DitherWasm {
  readonly exports: DitherExports;
  /** What diffusion.wat adds to every value in the working space. */
  readonly bias: number;
  /** What the start of the dynamic memory holds now: a colour mapping's grid or a panel of greys' tables. */
  private lut?: ColourLut | LuminanceLut;
  private matcher?: DiffusionMatcher;
  private greys?: GreyMatcher;

  constructor() {
    const module = new WebAssembly.Module(Buffer.from(DIFFUSION_WASM, 'base64'));
    this.exports = new WebAssembly.Instance(module, {}).exports as unknown as DitherExports;
    const assumed = { LINEAR_MAX, REACH_LOW, REACH_HIGH, CELL_SHIFT };
    for (const [name, value] of Object.entries(assumed)) {
      if (this.exports[name as keyof typeof assumed].value !== value) throw new Error(`diffusion.wat assumes ${name} ${this.exports[name as keyof typeof assumed].value}, not ${value}`);
    }
    this.bias = this.exports.BIAS.value;
    this.writeCells();
  }

  /** Lays out and copies in the picture (and the tables, when they changed), with `scratchBytes` of zeroed scratch for the dither. */
  load(rgb: Uint8Array, width: number, height: number, lut: ColourLut, m: DiffusionMatcher, scratchBytes: number): Loaded {
    const grid = this.exports.DYNAMIC.value;
    const at = this.layOut(rgb, width, height, grid + lut.grid.byteLength, scratchBytes);
    if (lut !== this.lut) this.writeMapping(lut, grid);
    if (m !== this.matcher) this.writePalette(m);
    return at;
  }

  /** The same for a panel of greys, with its luminance mapping and levels. */
  loadGrey(rgb: Uint8Array, width: number, height: number, lut: LuminanceLut, m: GreyMatcher, scratchBytes: number): Loaded {
    const tables = this.exports.DYNAMIC.value;
    const at = this.layOut(rgb, width, height, tables + GREY_TABLES.curve + lut.curve.byteLength, scratchBytes);
    if (lut !== this.lut || m !== this.greys) this.writeGreyTables(lut, m, tables);
    return at;
  }

  private layOut(rgb: Uint8Array, width: number, height: number, tablesEnd: number, scratchBytes: number): Loaded {
    const scratch = align(tablesEnd);
    const picture = align(scratch + scratchBytes);
    const out = align(picture + rgb.length);
    const memory = this.exports.memory;
    const end = out + width * height;
    if (end > memory.buffer.byteLength) memory.grow(Math.ceil((end - memory.buffer.byteLength) / 65536));
    const heap = new Uint8Array(memory.buffer);
    heap.set(rgb, picture);
    heap.fill(0, scratch, scratch + scratchBytes);
    return { rgb: picture, out, scratch, tables: this.exports.DYNAMIC.value };
  }

  /** Copies bytes out of the module's memory. */
  read(from: number, out: Uint8Array): void {
    out.set(new Uint8Array(this.exports.memory.buffer, from, out.length));
  }

  /** A view of the module's memory (valid until it next grows, i.e. until the next load()). */
  get buffer(): ArrayBuffer {
    return this.exports.memory.buffer;
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
    this.greys = undefined;
  }

  private writeGreyTables(lut: LuminanceLut, m: GreyMatcher, tables: number): void {
    const { buffer } = this.exports.memory;
    const weights = new Uint32Array(buffer, tables, 3 * 256);
    weights.set(lut.weightR);
    weights.set(lut.weightG, 256);
    weights.set(lut.weightB, 512);
    const { levels } = m;
    new Int32Array(buffer, tables + GREY_TABLES.levels, levels.length).set(levels);
    const nearestLevel = (a: number, higher: boolean): number =>
      levels.reduce((best, v, k) => ((higher ? v > levels[a] : v < levels[a]) && (best === a || (higher ? v < levels[best] : v > levels[best])) ? k : best), a);
    for (let a = 0; a < levels.length; a++) {
      new Uint8Array(buffer, tables + GREY_TABLES.above)[a] = nearestLevel(a, true);
      new Uint8Array(buffer, tables + GREY_TABLES.below)[a] = nearestLevel(a, false);
    }
    if (m.nearest.length !== GREY_NEAREST_ENTRIES) throw new Error(`diffusion.wat assumes ${GREY_NEAREST_ENTRIES} nearest levels, not ${m.nearest.length}`);
    new Uint8Array(buffer, tables + GREY_TABLES.nearest, m.nearest.length).set(m.nearest);
    new Uint16Array(buffer, tables + GREY_TABLES.curve, lut.curve.length).set(lut.curve);
    this.lut = lut;
    this.greys = m;
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

export const align = (address: number): number => (address + 15) & ~15;

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODULE, WAT, compileWat, moduleSource } from '../../bin/build-wasm.mjs';

describe('the WebAssembly of the dithering', () => {
  it('is diffusion.wat compiled: after changing the .wat, `npm run build:wasm` renews diffusion-wasm.ts', async () => {
    expect(readFileSync(MODULE, 'utf8')).toBe(moduleSource(await compileWat(WAT)));
  });
});

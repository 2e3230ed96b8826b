/** transform.js in its sandbox: what a transform may do, and hostile code failing cleanly. */
import { describe, expect, it } from 'vitest';
import { RecipeError } from '../../main/recipes/errors.ts';
import { runTransform } from '../../main/recipes/transform/run-transform.ts';

const limits = { timeoutMs: 1_000, memoryMb: 64 };

const ALLOCATE_FOREVER = 'function run() { const all = []; for (;;) all.push(new Array(1e6).fill(0.5)); }';

async function failure(code: string, given = limits): Promise<string> {
  const err = await runTransform(code, { items: [1, 2] }, given).then(() => null, (error: unknown) => error);
  expect(err).toBeInstanceOf(RecipeError);
  expect((err as RecipeError).code).toBe('transform-failed');
  return (err as RecipeError).message;
}

describe('runTransform', () => {
  it('runs run(input), sync or async, and returns its data', async () => {
    expect(await runTransform('function run(input) { return { total: input.items.reduce((a, b) => a + b, 0), when: new Date(0).toISOString() } }', { items: [1, 2, 3] }, limits)).toEqual({ total: 6, when: '1970-01-01T00:00:00.000Z' });
    expect(await runTransform('async function run(input) { await Promise.resolve(); return input.items.map((n) => n * 2) }', { items: [1, 2] }, limits)).toEqual([2, 4]);
  });

  it.each([
    ['an endless loop', 'function run() { while (true) {} }', /did not finish within 1000 ms/],
    ['an endless loop after an await', 'async function run() { await null; for (;;) {} }', /did not finish within 1000 ms/],
    ["require('fs')", "function run() { return require('fs').readFileSync('/etc/passwd', 'utf8') }", /require is not defined/],
    ['process.exit', 'function run() { process.exit(1) }', /process is not defined/],
    ['a 1 GB buffer', 'function run() { return { n: new Uint8Array(1024 * 1024 * 1024).length } }', /tried to allocate 1073741824 bytes/],
    ['a 1 GB string', "function run() { return { s: 'x'.repeat(1024 * 1024 * 1024) } }", /Invalid string length|memory/],
    ['reaching Node through a constructor', "function run(input) { return input.constructor.constructor('return process')().pid }", /Code generation from strings disallowed/],
    ['fetch', "async function run() { return await fetch('http://127.0.0.1:1/') }", /fetch is not defined/],
    ['timers', 'function run() { setTimeout(() => {}, 10); return {} }', /setTimeout is not defined/],
    ['a missing run', 'const x = 1;', /defines no run\(input\) function/],
    ['a thrown error', "function run() { throw new TypeError('bad data') }", /TypeError: bad data/],
    ['a result that is not data', 'function run() { return undefined }', /returned nothing/],
  ])('fails %s with a clear error', async (_what, code, message) => {
    expect(await failure(code)).toMatch(message);
  });

  it('fails a 1 GB allocation of objects on its memory limit', async () => {
    // A time limit the allocation cannot reach first, even on a loaded machine.
    expect(await failure(ALLOCATE_FOREVER, { timeoutMs: 10_000, memoryMb: 64 })).toMatch(/more than its 64 MB of memory/);
  });

  it('leaves the server process as it was after hostile code', async () => {
    const before = process.memoryUsage().heapUsed;
    await failure(ALLOCATE_FOREVER, { timeoutMs: 10_000, memoryMb: 64 });
    await failure('function run() { process.exit(3) }');
    expect(await runTransform('function run() { return { ok: true } }', {}, limits)).toEqual({ ok: true });
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });
});

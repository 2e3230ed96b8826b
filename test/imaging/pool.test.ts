import { afterAll, describe, expect, it, vi } from 'vitest';
import { ImageInputError, renderFrame } from '../../main/imaging/pipeline.ts';
import { closeImagePool, renderFrameInPool } from '../../main/imaging/pool.ts';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';
import { childPids } from '../helpers/processes.ts';
import { testPhoto } from './helpers/images.ts';

afterAll(() => closeImagePool());

/** Live renderer processes this process started. */
const rendererPids = () => childPids(process.pid, 'worker.mjs');

describe('renderFrameInPool', () => {
  it('gives the same bytes as rendering in this thread, for several renders at once', async () => {
    const photo = await testPhoto();
    const jobs = (['inky-impression-7.3', 'spectra6-13.3', 'trmnl-og-4grey'] as const).map((id) => ({
      profile: findBuiltinProfile(id)!,
      rotation: 90 as const,
      settings: { dither: 'floyd-steinberg' as const },
    }));
    const pooled = await Promise.all(jobs.map((opts) => renderFrameInPool(photo, opts)));
    for (const [i, opts] of jobs.entries()) {
      const local = await renderFrame(photo, opts);
      expect(Buffer.isBuffer(pooled[i].data)).toBe(true);
      expect(pooled[i].data.equals(local.data)).toBe(true);
      expect([pooled[i].width, pooled[i].height]).toEqual([local.width, local.height]);
    }
  });

  it('passes bad input back as an ImageInputError, and keeps working', async () => {
    const opts = { profile: findBuiltinProfile('waveshare-7.5-v2')!, rotation: 0 as const, settings: { dither: 'none' as const } };
    await expect(renderFrameInPool(Buffer.from('not an image at all'), opts)).rejects.toBeInstanceOf(ImageInputError);
    expect((await renderFrameInPool(await testPhoto(), opts)).width).toBe(800);
  });

  it('starts afresh after being closed', async () => {
    await closeImagePool();
    const opts = { profile: findBuiltinProfile('inky-impression-4')!, rotation: 180 as const, settings: { dither: 'bayer8' as const } };
    expect((await renderFrameInPool(await testPhoto(), opts)).height).toBe(400);
  });

  it('renders in a separate process, which exits after a while without work', async () => {
    await closeImagePool();
    const opts = { profile: findBuiltinProfile('waveshare-7.5-v2')!, rotation: 0 as const, settings: { dither: 'none' as const } };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await renderFrameInPool(await testPhoto(), opts);
      expect(rendererPids()).toHaveLength(1);
      vi.advanceTimersByTime(29_000);
      expect(rendererPids()).toHaveLength(1);
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(rendererPids()).toEqual([]), { timeout: 5000 });
    } finally {
      vi.useRealTimers();
    }
    expect((await renderFrameInPool(await testPhoto(), opts)).width).toBe(800);
  });

  it('fails the render of a renderer that dies, and goes on with a new one', async () => {
    const opts = { profile: findBuiltinProfile('spectra6-13.3')!, rotation: 0 as const, settings: { dither: 'floyd-steinberg' as const } };
    const photo = await testPhoto();
    await renderFrameInPool(photo, opts);
    const [pid] = rendererPids();
    const doomed = renderFrameInPool(photo, opts);
    process.kill(pid, 'SIGKILL');
    await expect(doomed).rejects.toThrow(/renderer stopped \(SIGKILL\)/);
    expect((await renderFrameInPool(photo, opts)).width).toBe(1600);
    expect(rendererPids()).not.toContain(pid);
  });

  it('stops its renderers when closed', async () => {
    await renderFrameInPool(await testPhoto(), { profile: findBuiltinProfile('inky-impression-4')!, rotation: 0, settings: { dither: 'none' } });
    expect(rendererPids().length).toBeGreaterThan(0);
    await closeImagePool();
    expect(rendererPids()).toEqual([]);
  });
});

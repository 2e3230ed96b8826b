import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ImageInputError, renderPanelImage } from '../../main/imaging/pipeline.ts';
import { PhotoImportError } from '../../main/library/import-error.ts';
import { closeImagePool, holdImagePool, imagePoolIsWarm, runImageTask, warmImagePool } from '../../main/imaging/pool.ts';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';
import { childPids } from '../helpers/processes.ts';
import { testPhoto } from './helpers/images.ts';

const stageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-pool-stage-'));
/** Where stagePhoto writes: a thumbnail's target and a variants folder. */
const targets = { thumb: path.join(stageDir, 'thumbs', 'photo.webp'), variantsDir: path.join(stageDir, 'variants') };

afterAll(async () => {
  await closeImagePool();
  fs.rmSync(stageDir, { recursive: true, force: true });
});

/** Live renderer processes this process started. */
const rendererPids = () => childPids(process.pid, 'worker.mjs');

describe('runImageTask', () => {
  it('gives the same bytes as rendering in this thread, for several renders at once', async () => {
    const photo = await testPhoto();
    const jobs = (['inky-impression-7.3', 'spectra6-13.3', 'trmnl-og-4grey'] as const).map((id) => ({
      profile: findBuiltinProfile(id)!,
      rotation: 90 as const,
      settings: { dither: 'floyd-steinberg' as const },
    }));
    const pooled = await Promise.all(jobs.map((opts) => runImageTask('renderPanelImage', photo, opts)));
    for (const [i, opts] of jobs.entries()) {
      const local = await renderPanelImage(photo, opts);
      expect(Buffer.isBuffer(pooled[i].data)).toBe(true);
      expect(pooled[i].data.equals(local.data)).toBe(true);
      expect([pooled[i].width, pooled[i].height]).toEqual([local.width, local.height]);
    }
  });

  it('passes bad input back as an ImageInputError, and keeps working', async () => {
    const opts = { profile: findBuiltinProfile('waveshare-7.5-v2')!, rotation: 0 as const, settings: { dither: 'none' as const } };
    await expect(runImageTask('renderPanelImage', Buffer.from('not an image at all'), opts)).rejects.toBeInstanceOf(ImageInputError);
    expect((await runImageTask('renderPanelImage', await testPhoto(), opts)).width).toBe(800);
  });

  it('runs the library\'s decoding there too, its files written beside their targets, and gives refusals back as PhotoImportError', async () => {
    const photo = await testPhoto();
    const { image, thumb, variant } = await runImageTask('stagePhoto', photo, targets);
    expect(image.format).toBe('jpeg');
    expect(path.dirname(thumb.temp)).toBe(path.dirname(targets.thumb));
    expect(thumb.target).toBe(targets.thumb);
    expect(variant.target).toBe(path.join(targets.variantsDir, variant.fileName));
    expect(path.dirname(variant.temp)).toBe(targets.variantsDir);
    expect(variant.fileName).toBe(`${variant.hash}.jpg`);
    expect(crypto.createHash('sha256').update(fs.readFileSync(variant.temp)).digest('hex')).toBe(variant.hash);
    expect(fs.readFileSync(thumb.temp).subarray(8, 12).toString('latin1')).toBe('WEBP');
    fs.rmSync(stageDir, { recursive: true, force: true });
    const refused = runImageTask('stagePhoto', Buffer.from('not an image at all'), targets);
    await expect(refused).rejects.toBeInstanceOf(PhotoImportError);
    await expect(refused).rejects.toThrow(/not an image this app can read/);
    expect(fs.existsSync(stageDir)).toBe(false);
  });

  it('serves kinds of task in turn: a decode queued behind many renders waits for one of them, not all', async () => {
    const photo = await testPhoto();
    const opts = { profile: findBuiltinProfile('inky-impression-4')!, rotation: 0 as const, settings: { dither: 'none' as const } };
    const finished: string[] = [];
    const renders = Array.from({ length: 16 }, (_, i) => runImageTask('renderPanelImage', photo, opts).then(() => finished.push(`render ${i}`)));
    const decode = runImageTask('stagePhoto', photo, targets).then(() => finished.push('decode'));
    await Promise.all([...renders, decode]);
    expect(finished.indexOf('decode')).toBeLessThan(finished.indexOf('render 15'));
    expect(rendererPids().length).toBeLessThanOrEqual(Math.max(1, os.availableParallelism() - 1));
  });

  it('starts afresh after being closed', async () => {
    await closeImagePool();
    const opts = { profile: findBuiltinProfile('inky-impression-4')!, rotation: 180 as const, settings: { dither: 'bayer8' as const } };
    expect((await runImageTask('renderPanelImage', await testPhoto(), opts)).height).toBe(400);
  });

  it('renders in a separate process, which exits after a while without work', async () => {
    await closeImagePool();
    const opts = { profile: findBuiltinProfile('waveshare-7.5-v2')!, rotation: 0 as const, settings: { dither: 'none' as const } };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await runImageTask('renderPanelImage', await testPhoto(), opts);
      expect(rendererPids()).toHaveLength(1);
      vi.advanceTimersByTime(29_000);
      expect(rendererPids()).toHaveLength(1);
      vi.advanceTimersByTime(1_000);
      await vi.waitFor(() => expect(rendererPids()).toEqual([]), { timeout: 5000 });
    } finally {
      vi.useRealTimers();
    }
    expect((await runImageTask('renderPanelImage', await testPhoto(), opts)).width).toBe(800);
  });

  it('fails the render of a renderer that dies, and goes on with a new one', async () => {
    const opts = { profile: findBuiltinProfile('spectra6-13.3')!, rotation: 0 as const, settings: { dither: 'floyd-steinberg' as const } };
    const photo = await testPhoto();
    await runImageTask('renderPanelImage', photo, opts);
    const [pid] = rendererPids();
    const doomed = runImageTask('renderPanelImage', photo, opts);
    process.kill(pid, 'SIGKILL');
    await expect(doomed).rejects.toThrow(/image process stopped \(SIGKILL\)/);
    expect((await runImageTask('renderPanelImage', photo, opts)).width).toBe(1600);
    expect(rendererPids()).not.toContain(pid);
  });

  it('warms an image process when asked: it has loaded the drawing engine before the first picture', async () => {
    await closeImagePool();
    expect(imagePoolIsWarm()).toBe(false);
    await warmImagePool();
    expect(imagePoolIsWarm()).toBe(true);
    expect(rendererPids()).toHaveLength(1);
    expect(await runImageTask('warmUp')).toEqual({ alreadyWarm: true });
    await warmImagePool();
    expect(rendererPids()).toHaveLength(1);
  });

  it('warms a process started for a photo by itself once the photo is done', async () => {
    await closeImagePool();
    await runImageTask('stagePhoto', await testPhoto(), targets);
    await vi.waitFor(() => expect(imagePoolIsWarm()).toBe(true), { timeout: 10_000 });
    expect(rendererPids()).toHaveLength(1);
    expect(await runImageTask('warmUp')).toEqual({ alreadyWarm: true });
  });

  it('warms a process that has been busy since it started as soon as asked, not once its work is done', async () => {
    await closeImagePool();
    const photo = await testPhoto();
    const opts = { profile: findBuiltinProfile('inky-impression-7.3')!, rotation: 0 as const, settings: { dither: 'floyd-steinberg' as const } };
    let rendered = 0;
    const renders = Array.from({ length: 16 }, () => runImageTask('renderPanelImage', photo, opts).then(() => rendered++));
    await warmImagePool();
    expect(imagePoolIsWarm()).toBe(true);
    expect(rendered).toBeLessThan(renders.length);
    await Promise.all(renders);
  });

  it('keeps running for one holder while another lets go, and stops with the last (two servers in one process)', async () => {
    await closeImagePool();
    const [releaseFirst, releaseSecond] = [holdImagePool(), holdImagePool()];
    const opts = { profile: findBuiltinProfile('inky-impression-4')!, rotation: 0 as const, settings: { dither: 'none' as const } };
    const render = runImageTask('renderPanelImage', await testPhoto(), opts);
    await releaseFirst();
    await releaseFirst();
    expect((await render).width).toBe(640);
    expect(rendererPids().length).toBeGreaterThan(0);
    await releaseSecond();
    expect(rendererPids()).toEqual([]);
  });

  it('stops its renderers when closed', async () => {
    await runImageTask('renderPanelImage', await testPhoto(), { profile: findBuiltinProfile('inky-impression-4')!, rotation: 0, settings: { dither: 'none' } });
    expect(rendererPids().length).toBeGreaterThan(0);
    await closeImagePool();
    expect(rendererPids()).toEqual([]);
  });
});

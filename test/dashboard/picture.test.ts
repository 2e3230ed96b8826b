import { afterAll, describe, expect, it } from 'vitest';
import { canvasForPanel, drawPicture } from '../../main/dashboard/picture.ts';
import { renderPanelImage } from '../../main/imaging/pipeline.ts';
import { closeImagePool, runImageTask } from '../../main/imaging/pool.ts';
import { findBuiltinProfile } from '../../main/imaging/profiles.ts';

const profile = findBuiltinProfile('inky-impression-7.3')!;

describe('pictures drawn on the image workers', () => {
  afterAll(() => closeImagePool());

  it('gives the same frame as drawing on the main thread, turned for portrait', async () => {
    const picture = { kind: 'message' as const, text: 'Back at six' };
    const opts = { profile, rotation: 90 as const, settings: { dither: 'none' as const } };
    expect(canvasForPanel(profile, 90)).toMatchObject({ width: 480, height: 800 });
    const inPool = await runImageTask('renderPanelImage', { picture }, opts);
    const here = await renderPanelImage(await drawPicture(picture, canvasForPanel(profile, 90)), opts);
    expect(inPool.width).toBe(800);
    expect(Buffer.compare(inPool.data, here.data)).toBe(0);
  });
});

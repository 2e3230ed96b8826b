import sharp from 'sharp';
import { encodePanelImage } from '../imaging/encode/index.ts';
import { rotateIndices } from '../imaging/rotate.ts';
import type { BrowserShot } from './browser/types.ts';
import { frameworkFor } from './framework/index.ts';
import { viewportFor, type MarkupTarget } from './target.ts';
import { toPanelIndices } from './to-panel.ts';

/** A browser's screenshot of a recipe → the panel-ready PNG, with the same colour rules as the engine's drawing. */
export async function shotToPanel(shot: BrowserShot, target: MarkupTarget): Promise<Buffer> {
  const viewport = viewportFor(target);
  const { data, info } = await sharp(shot.png)
    .resize(viewport.pixelWidth, viewport.pixelHeight, { fit: 'fill' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== viewport.pixelWidth || info.height !== viewport.pixelHeight) throw new Error('the browser returned a screenshot of the wrong size');
  const { colours } = frameworkFor({ palette: target.profile.palette, colorNames: target.profile.colorNames, darkMode: target.darkMode ?? false, noScreenPadding: target.noScreenPadding ?? false });
  const indices = toPanelIndices({
    rgba: data, width: viewport.pixelWidth, height: viewport.pixelHeight, palette: target.profile.palette,
    pictures: shot.pictures, tones: colours.tones(), dither: target.settings?.dither ?? 'floyd-steinberg', adjustments: target.settings ?? {},
  });
  return encodePanelImage(rotateIndices(indices, viewport.pixelWidth, viewport.pixelHeight, target.rotation ?? 0), target.profile);
}

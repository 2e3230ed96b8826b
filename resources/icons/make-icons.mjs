// Renders the PNG icons from icon.svg and tray.svg: `node resources/icons/make-icons.mjs` (needs sharp).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const here = path.dirname(fileURLToPath(import.meta.url));
const SVG_SIZES = { 'icon.svg': 512, 'tray.svg': 32 };
// Rasterised at the target size (density scales the SVG's own size), not scaled down from a bigger bitmap.
const render = (svg, size, file) =>
  sharp(path.join(here, svg), { density: (72 * size) / SVG_SIZES[svg] }).resize(size, size).png().toFile(path.join(here, file));

for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) await render('icon.svg', size, `icon-${size}.png`);
// The packagers take icon.png (512 px) and make the .icns and .ico from it.
await render('icon.svg', 512, 'icon.png');
// macOS picks "Template" images for the menu bar and tints them; @2x is the Retina one.
await render('tray.svg', 16, 'trayTemplate.png');
await render('tray.svg', 32, 'trayTemplate@2x.png');
// Linux and Windows trays get the colour icon.
await render('icon.svg', 16, 'tray-16.png');
await render('icon.svg', 32, 'tray-32.png');

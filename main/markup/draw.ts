import { encodePanelImage } from '../imaging/encode/index.ts';
import { rotateIndices } from '../imaging/rotate.ts';
import { boxesByElement, laidOutTree, type Box, type LaidOutBox } from './boxes.ts';
import { prepareContent } from './content-pass.ts';
import { descendants, hasClass, parseMarkup, type MarkupElement } from './dom.ts';
import { BASE_CSS } from './base-css.ts';
import { isOutlined, ONE_BIT_OUTLINE_CSS, paintDottedOutlines, radiusOf } from './dotted-outlines.ts';
import { measure, paint, type EngineInput } from './engine.ts';
import { frameworkFor } from './framework/index.ts';
import { resolveImages } from './images.ts';
import { addWantedColumns, flowColumns, limitList } from './overflow-pass.ts';
import { stepTextDown } from './text-sizes.ts';
import { completeStructure } from './structure-pass.ts';
import { viewportFor, type MarkupTarget } from './target.ts';
import { toPanelIndices } from './to-panel.ts';
import { toNodes } from './to-nodes.ts';

export interface DrawnMarkup {
  /** The panel-ready PNG (indexed, or grey for grey panels), in the panel's native pixel order. */
  png: Buffer;
  /** The laid-out markup on the upright canvas, in panel pixels. */
  boxes: LaidOutBox;
}

/** Height of the "and N more" line in CSS pixels, with its gap. */
const MORE_LABEL_HEIGHT = 20;
const COLUMN_GAP = 10;
const CONTENT_LIMITER_PASSES = 4;

/**
 * TRMNL markup → panel image, without a browser: parse, complete the framework's structure, lay
 * out, run the framework's measured behaviours (overflow into columns and "and N more", list
 * limits, content limiting), paint, and turn into the panel's colours.
 */
export async function drawMarkupHere(html: string, target: MarkupTarget): Promise<DrawnMarkup> {
  const { png, boxes } = await draw(html, target, true);
  return { png, boxes: boxes! };
}

/**
 * Only the panel-ready PNG, as a display gets it: without the final layout pass the laid-out tree
 * needs, unless the markup has pictures (they are dithered where they landed).
 */
export async function drawMarkupPngHere(html: string, target: MarkupTarget): Promise<Buffer> {
  return (await draw(html, target, false)).png;
}

async function draw(html: string, target: MarkupTarget, withBoxes: boolean): Promise<{ png: Buffer; boxes?: LaidOutBox }> {
  const { root, styleSheets } = parseMarkup(html);
  const screen = completeStructure(root, { darkMode: target.darkMode ?? false, noScreenPadding: target.noScreenPadding ?? false });
  prepareContent(root);
  const viewport = viewportFor(target);
  const framework = frameworkFor({ palette: target.profile.palette, colorNames: target.profile.colorNames, ...screen });
  // On a 1-bit panel outlines are dotted (dotted-outlines.ts); panels with greys keep the line.
  const dotted = target.profile.palette.length <= 2;
  const css = [BASE_CSS, framework.css, ...styleSheets, ...(dotted ? [ONE_BIT_OUTLINE_CSS] : [])];
  const engineInput = () => {
    const tree = toNodes(root);
    const images = resolveImages(tree.imageSources, tree.nodeOf, target.images);
    return { tree, input: { node: tree.node, css, images, width: viewport.pixelWidth, height: viewport.pixelHeight, scale: viewport.scale } as EngineInput };
  };
  const layout = async () => {
    const { tree, input } = engineInput();
    return boxesByElement(root, tree.nodeOf, await measure(input));
  };

  // The measured behaviours lay the markup out, change it, and lay it out again; markup without them is laid out once.
  const columnsEls = [...descendants(root)].filter((el) => hasClass(el, 'columns'));
  const lists = [...descendants(root)].filter((el) => el.attrs['data-list-limit'] === 'true');
  const limited = [...descendants(root)].some((el) => el.attrs['data-content-limiter'] === 'true');
  if (columnsEls.length > 0 || lists.length > 0) {
    addWantedColumns(columnsEls);
    const boxes = await layout();
    const boxOf = (el: MarkupElement): Box | undefined => boxes.get(el)?.box;
    for (const columns of columnsEls) flowColumns(columns, boxOf, MORE_LABEL_HEIGHT * viewport.scale, COLUMN_GAP * viewport.scale);
    for (const list of lists) limitList(list, boxOf, viewport.scale, MORE_LABEL_HEIGHT * viewport.scale);
  }
  if (limited) for (let pass = 0; pass < CONTENT_LIMITER_PASSES && limitContent(root, await layout()); pass++);

  // The final layout (when needed) and the painting run together on the engine's threads.
  const { tree, input } = engineInput();
  const pictures = [...descendants(root)].filter((el) => el.tag === 'img' && !el.classes.has('markup-missing-image'));
  const outlined = dotted ? [...descendants(root)].filter(isOutlined) : [];
  const [measured, rgba] = await Promise.all([withBoxes || pictures.length > 0 || outlined.length > 0 ? measure(input) : undefined, paint(input)]);
  const boxes = measured && boxesByElement(root, tree.nodeOf, measured);
  if (boxes && outlined.length > 0) {
    const outlines = outlined.flatMap((el) => (boxes.get(el) ? [{ box: boxes.get(el)!.box, radius: radiusOf(el) }] : []));
    paintDottedOutlines(rgba, viewport.pixelWidth, viewport.pixelHeight, outlines, hexRgb(framework.colours.ink), viewport.scale);
  }
  const indices = toPanelIndices({
    rgba, width: viewport.pixelWidth, height: viewport.pixelHeight, palette: target.profile.palette,
    pictures: boxes ? pictures.flatMap((el) => boxes.get(el)?.box ?? []) : [], tones: framework.colours.tones(),
    dither: target.settings?.dither ?? 'floyd-steinberg', adjustments: target.settings ?? {},
  });
  const rotation = target.rotation ?? 0;
  const native = rotateIndices(indices, viewport.pixelWidth, viewport.pixelHeight, rotation);
  return { png: encodePanelImage(native, target.profile), boxes: withBoxes && boxes ? laidOutTree(root, boxes) : undefined };
}

const hexRgb = (hex: string): number[] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/**
 * `data-content-limiter="true"`: content taller than the room its parent gives it steps its text
 * down a size (`content--large` → `content`, `title` → `title--small`, …) until it fits, as the
 * framework shrinks long rich text. Returns whether anything changed.
 */
function limitContent(root: MarkupElement, boxes: Map<MarkupElement, { box: Box }>): boolean {
  let changed = false;
  const visit = (el: MarkupElement, parent: MarkupElement | undefined): void => {
    for (const child of el.children) if (typeof child !== 'string') visit(child, el);
    if (el.attrs['data-content-limiter'] !== 'true' || !parent) return;
    const box = boxes.get(el)?.box;
    const room = boxes.get(parent)?.box;
    if (box && room && box.height > room.height + 1) changed = stepTextDown(el) || changed;
  };
  visit(root, undefined);
  return changed;
}

import sharp from 'sharp';
import type { El } from '../../main/dashboard/elements.ts';
import { describe, expect, it } from 'vitest';
import type { CanvasSpec } from '../../main/dashboard/canvas.ts';
import { toHex } from '../../main/dashboard/palette.ts';
import {
  messageTree,
  pairingTree,
  PAIRING_INSTRUCTIONS,
  renderMessage,
  renderPairingScreen,
  renderSleepScreen,
  sleepTree,
} from '../../main/dashboard/pictures.ts';
import { layOut, toSvg } from '../../main/dashboard/rasterize.ts';
import { CANVASES } from '../fixtures/dashboard/canvases.ts';
import { paintedColours } from './support/svg-colours.ts';
import { findTextProblems } from './support/text-overflow.ts';
import { textsOf } from './support/tree-text.ts';

const canvases = Object.entries(CANVASES);
const pairing = { humanReadableId: 'kmr-tav-bez', pairingCode: '482913', serverName: 'living-room-pc' };
const message = (length: number) => 'Dinner is at seven at Oma’s, bring the salad and the folding chairs. '.repeat(10).slice(0, length);

async function fontSizeOf(tree: Awaited<ReturnType<typeof messageTree>>, text: string): Promise<number> {
  const find = (el: typeof tree): number | undefined =>
    el.props.children === text ? Number(el.props.style?.fontSize) : Array.isArray(el.props.children) ? el.props.children.map(find).find(Boolean) : undefined;
  return find(tree)!;
}

describe('renderMessage', () => {
  it.each(canvases)('fits short and 500-character messages without overflow on %s', async (_name, canvas) => {
    for (const text of [message(12), message(140), message(500)]) {
      const tree = await messageTree(text, canvas, { title: 'From Anna' });
      expect(await findTextProblems(tree, canvas)).toEqual([]);
    }
  });

  it('shrinks the type as the message grows', async () => {
    const canvas = CANVASES.inkyLandscape;
    const sizes = [];
    for (const length of [12, 140, 500]) sizes.push(await fontSizeOf(await messageTree(message(length), canvas), message(length)));
    expect(sizes[0]).toBeGreaterThan(sizes[1]);
    expect(sizes[1]).toBeGreaterThan(sizes[2]);
  });

  it.each(canvases)('draws a 500-character message whole on %s: unclamped, it still fits its area', async (_name, canvas) => {
    const text = message(500);
    const unclamp = (el: El): El => {
      if (el.props.children === text) {
        const { lineClamp: _clamp, overflow: _overflow, ...style } = el.props.style ?? {};
        return { ...el, key: 'message', props: { ...el.props, style } };
      }
      const children = Array.isArray(el.props.children) ? el.props.children.map(unclamp) : el.props.children;
      const holdsMessage = Array.isArray(children) && children.some((child) => child.key === 'message');
      return { ...el, key: holdsMessage ? 'area' : el.key, props: { ...el.props, children } };
    };
    const boxes = await layOut(unclamp(await messageTree(text, canvas)), canvas);
    expect(boxes.get('message')?.height).toBeGreaterThan(0);
    expect(boxes.get('message')!.height).toBeLessThanOrEqual(boxes.get('area')!.height);
  });
});

describe('renderPairingScreen', () => {
  it('shows the id, the code and what to do', () => {
    const texts = textsOf(pairingTree(pairing, CANVASES.inkyLandscape));
    expect(texts).toEqual(expect.arrayContaining(['Waiting for approval', 'kmr-tav-bez', '482 913', PAIRING_INSTRUCTIONS]));
  });

  it.each(canvases)('fits on %s', async (_name, canvas) => {
    expect(await findTextProblems(pairingTree(pairing, canvas), canvas)).toEqual([]);
  });
});

describe('renderSleepScreen', () => {
  it.each(canvases)('is calm and mostly paper on %s', async (_name, canvas) => {
    expect(await findTextProblems(sleepTree(canvas), canvas)).toEqual([]);
    const { data } = await sharp(await renderSleepScreen(canvas)).raw().toBuffer({ resolveWithObject: true });
    const [pr, pg, pb] = canvas.palette[canvas.colorNames.indexOf('white')];
    let paper = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i] === pr && data[i + 1] === pg && data[i + 2] === pb) paper++;
    expect(paper / (data.length / 3)).toBeGreaterThan(0.98);
  });
});

describe('every picture', () => {
  const pictures: [string, (canvas: CanvasSpec) => Promise<Buffer>][] = [
    ['message', (canvas) => renderMessage(message(200), canvas, { title: 'Note' })],
    ['pairing', (canvas) => renderPairingScreen(pairing, canvas)],
    ['sleep', (canvas) => renderSleepScreen(canvas)],
  ];

  it.each(pictures)('%s is an RGB PNG of the canvas size on every panel', async (_name, render) => {
    for (const canvas of Object.values(CANVASES)) {
      const meta = await sharp(await render(canvas)).metadata();
      expect(meta).toMatchObject({ format: 'png', width: canvas.width, height: canvas.height, channels: 3 });
    }
  });

  it.each(canvases)('paints only with panel colours on %s', async (_name, canvas) => {
    const palette = new Set(canvas.palette.map(toHex));
    for (const tree of [await messageTree(message(200), canvas, { title: 'Note' }), pairingTree(pairing, canvas), sleepTree(canvas)]) {
      expect([...paintedColours(await toSvg(tree, canvas))].filter((c) => !palette.has(c))).toEqual([]);
    }
  });
});

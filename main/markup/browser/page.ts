import { readFileSync } from 'node:fs';
import { resourcePath } from '../../core/app-root.ts';
import { prepareContent } from '../content-pass.ts';
import { descendants, parseMarkup, type MarkupElement } from '../dom.ts';
import { BASE_CSS } from '../base-css.ts';
import { frameworkFor } from '../framework/index.ts';
import { toHtml } from '../serialize.ts';
import { completeStructure } from '../structure-pass.ts';
import type { MarkupTarget } from '../target.ts';

/**
 * The document a browser draws for a recipe with scripts: the same structure and framework
 * stylesheet as the engine's drawing (so a recipe looks alike either way), with its scripts kept.
 */
export function browserDocument(html: string, target: MarkupTarget): string {
  const { root, styleSheets } = parseMarkup(html, { keepScripts: true });
  const screen = completeStructure(root, { darkMode: target.darkMode ?? false, noScreenPadding: target.noScreenPadding ?? false });
  prepareContent(root);
  inlinePictures(root, target.images);
  const { css } = frameworkFor({ palette: target.profile.palette, colorNames: target.profile.colorNames, ...screen });
  const page = `html, body { margin: 0; width: 100%; height: 100%; overflow: hidden; } * { box-sizing: border-box; } .markup-root { font-family: Inter, sans-serif; }`;
  const styles = [fontFaces(), page, BASE_CSS, css, ...styleSheets].map((text) => `<style>${text}</style>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${styles}</head><body>${toHtml(root)}</body></html>`;
}

/**
 * Pictures from the network become the copies the screen fetched with its data (`target.images`,
 * by `src`), so the browser draws what the engine would and never goes to the network for them;
 * one without a copy is the engine's empty outlined box.
 */
function inlinePictures(root: MarkupElement, images: Record<string, Uint8Array> = {}): void {
  for (const el of descendants(root)) {
    if (el.tag !== 'img' || !/^https?:\/\//i.test(el.attrs.src ?? '')) continue;
    const bytes = images[el.attrs.src];
    delete el.attrs.srcset;
    if (bytes) {
      el.attrs.src = `data:${pictureType(bytes)};base64,${Buffer.from(bytes).toString('base64')}`;
    } else {
      delete el.attrs.src;
      el.classes.add('markup-missing-image');
    }
  }
}

/** The picture's type from its first bytes (browsers sniff most, but not SVG). */
function pictureType(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 12));
  if (head[0] === 0x89 && head.toString('latin1', 1, 4) === 'PNG') return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head.toString('latin1', 0, 3) === 'GIF') return 'image/gif';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return /<svg[\s>]/i.test(Buffer.from(bytes.subarray(0, 1024)).toString('utf8')) ? 'image/svg+xml' : 'application/octet-stream';
}

let faces: string | undefined;

/** The bundled Inter the engine draws with, so the browser's text matches. */
function fontFaces(): string {
  faces ??= [600, 700]
    .map((weight) => {
      const data = readFileSync(resourcePath('fonts', `inter-latin-${weight}-normal.woff`)).toString('base64');
      return `@font-face { font-family: Inter; font-weight: ${weight}; src: url(data:font/woff;base64,${data}) format('woff'); }`;
    })
    .join('\n');
  return faces;
}

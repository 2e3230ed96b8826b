import { readFileSync } from 'node:fs';
import { resourcePath } from '../../core/app-root.ts';
import { prepareContent } from '../content-pass.ts';
import { parseMarkup } from '../dom.ts';
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
  const { css } = frameworkFor({ palette: target.profile.palette, colorNames: target.profile.colorNames, ...screen });
  const page = `html, body { margin: 0; width: 100%; height: 100%; overflow: hidden; } * { box-sizing: border-box; } .markup-root { font-family: Inter, sans-serif; }`;
  const styles = [fontFaces(), page, BASE_CSS, css, ...styleSheets].map((text) => `<style>${text}</style>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${styles}</head><body>${toHtml(root)}</body></html>`;
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

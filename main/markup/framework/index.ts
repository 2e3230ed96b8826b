import type { Rgb } from '../../imaging/panel-profile.ts';
import { frameworkColours, type FrameworkColours } from './colours.ts';
import { componentsCss } from './components.ts';
import { structureCss } from './structure.ts';
import { typeCss } from './type.ts';

export type { FrameworkColours } from './colours.ts';

export interface FrameworkOptions {
  palette: readonly Rgb[];
  colorNames: readonly string[];
  darkMode: boolean;
  noScreenPadding: boolean;
}

/** The framework's stylesheet for one panel, with its colours, and which classes are grey fills. */
export interface Framework {
  css: string;
  colours: FrameworkColours;
}

const SCREEN_PADDING = 10;

export function frameworkFor(opts: FrameworkOptions): Framework {
  const colours = frameworkColours(opts.palette, opts.colorNames, opts.darkMode);
  const css = [
    structureCss(colours, opts.noScreenPadding ? 0 : SCREEN_PADDING),
    typeCss(colours),
    componentsCss(colours, colourClasses(colours)),
  ].join('\n');
  return { css, colours };
}

/**
 * Grey steps as the framework names them: `gray-1` … `gray-7` from dark to light (its 2-bit
 * scale), and `gray-10` … `gray-90` as a percentage of white (its older dithered scale).
 */
export const GREY_STEPS: ReadonlyMap<string, number> = new Map([
  ...Array.from({ length: 9 }, (_, i) => [`${i + 1}`, (i + 1) / 8] as const),
  ...Array.from({ length: 17 }, (_, i) => [`${10 + 5 * i}`, (10 + 5 * i) / 100] as const),
]);

function colourClasses(colours: FrameworkColours): string {
  const rules = [
    `.bg--black { background-color: ${colours.named.black ?? colours.ink}; } .bg--white { background-color: ${colours.named.white ?? colours.paper}; }`,
    `.text--black { color: ${colours.named.black ?? colours.ink}; } .text--white { color: ${colours.named.white ?? colours.paper}; }`,
  ];
  for (const [step, level] of GREY_STEPS) {
    for (const spelling of ['gray', 'grey']) {
      rules.push(`.bg--${spelling}-${step} { background-color: ${colours.fill(level)}; } .text--${spelling}-${step} { color: ${colours.text(level)}; }`);
    }
  }
  for (const [name, colour] of Object.entries(colours.named)) {
    if (name === 'black' || name === 'white') continue;
    rules.push(`.bg--${name} { background-color: ${colour}; } .text--${name} { color: ${colour}; }`);
  }
  return rules.join('\n');
}

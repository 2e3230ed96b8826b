import type { FrameworkColours } from './colours.ts';

/** The framework's type scale (px at 800×480) for each element and size modifier. */
const TITLE = { '': 26, small: 18, large: 30, xlarge: 35, xxlarge: 40 };
const VALUE = { '': 38, xxsmall: 16, xsmall: 20, small: 26, large: 58, xlarge: 74, xxlarge: 96, xxxlarge: 128, giga: 160 };
const LABEL = { '': 16, small: 14, large: 20, xlarge: 26, xxlarge: 32 };
const DESCRIPTION = { '': 16, small: 14, large: 20, xlarge: 26, xxlarge: 32 };
const RICHTEXT = { '': 20, xsmall: 14, small: 17, large: 26, xlarge: 32, xxlarge: 40, xxxlarge: 48 };

function sized(base: string, sizes: Record<string, number>, extra = ''): string {
  return Object.entries(sizes)
    .map(([size, px]) => `.${base}${size ? `--${size}` : ''} { font-size: ${px}px; ${size ? '' : extra} }`)
    .join('\n');
}

/** Titles, values, labels and descriptions in their sizes and variants, and rich text. */
export function typeCss(colours: FrameworkColours): string {
  return `
.title { display: block; font-weight: 700; line-height: 1.15; }
${sized('title', TITLE)}
.value { display: block; font-weight: 700; line-height: 1; }
${sized('value', VALUE)}
.value--tnums { font-variant-numeric: tabular-nums; }
.label { display: block; font-weight: 700; line-height: 1.25; }
${sized('label', LABEL)}
.label--inverted, .label--filled, .label--outline { width: fit-content; max-width: 100%; }
.label--inverted, .label--filled { background-color: ${colours.ink}; color: ${colours.paper}; padding: 1px 6px; border-radius: 4px; }
.label--outline { border: 1.5px solid ${colours.ink}; padding: 0 6px; border-radius: 4px; }
.label--underline { text-decoration: underline; }
.label--gray, .label--grey { color: ${colours.text(0.45)}; }
.description { display: block; font-weight: 600; line-height: 1.3; }
${sized('description', DESCRIPTION)}
.richtext { display: flex; flex-direction: column; gap: 10px; width: 100%; }
.richtext .content, .richtext > p { display: block; font-size: ${RICHTEXT['']}px; line-height: 1.35; }
${Object.entries(RICHTEXT).filter(([s]) => s).map(([s, px]) => `.content--${s}, .richtext .content--${s} { font-size: ${px}px; }`).join('\n')}
.richtext--center { align-items: center; text-align: center; } .richtext--left { align-items: flex-start; } .richtext--right { align-items: flex-end; text-align: right; }
.content--center { text-align: center; } .content--right { text-align: right; }
p { display: block; margin: 0 0 8px 0; }
h1 { display: block; font-size: 32px; font-weight: 700; } h2 { display: block; font-size: 26px; font-weight: 700; }
h3 { display: block; font-size: 22px; font-weight: 700; } h4, h5, h6 { display: block; font-size: 18px; font-weight: 700; }
b, strong { font-weight: 700; }
u { text-decoration: underline; } s, del { text-decoration: line-through; }
small { font-size: 0.8em; }
`;
}

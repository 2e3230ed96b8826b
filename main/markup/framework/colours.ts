import type { Rgb } from '../../imaging/panel-profile.ts';

/**
 * The colours the framework's classes resolve to on one panel. Text and rules are always one of
 * the panel's own colours, so they land on the panel exactly (never dithered). A grey fill the
 * panel cannot show is painted as its true grey and becomes a regular pattern of the panel's
 * colours afterwards (see to-panel.ts), the way e-ink frameworks draw greys on 1-bit panels.
 */
export interface FrameworkColours {
  ink: string;
  paper: string;
  /** A grey level 0 (black) … 1 (white) as a fill: the panel's grey when it has one that close, else the true grey. */
  fill(level: number): string;
  /** A grey level as a text colour: the panel's nearest grey, else ink (grey text must stay readable). */
  text(level: number): string;
  /** The panel's colours by name (black, white, red, …), for `bg--red` and `text--red`. */
  named: Record<string, string>;
  /** The grey fills handed out that the panel cannot show (they become patterns). */
  tones(): Rgb[];
}

/** How far (0–255) a panel grey may be from the asked grey and still stand for it. */
const GREY_TOLERANCE = 24;

export function frameworkColours(palette: readonly Rgb[], colorNames: readonly string[], darkMode: boolean): FrameworkColours {
  const greys = palette.filter(([r, g, b]) => r === g && g === b).map(([v]) => v);
  // Paper and ink are the panel's white and black (a Spectra panel's white is darker than its yellow).
  const byName = (name: string): Rgb | undefined => palette[colorNames.indexOf(name)];
  const neutrals = palette.filter(([r, g, b]) => Math.max(r, g, b) - Math.min(r, g, b) <= 40);
  const candidates = neutrals.length >= 2 ? neutrals : palette;
  const darkest = byName('black') ?? luminanceExtreme(candidates, -1);
  const lightest = byName('white') ?? luminanceExtreme(candidates, 1);
  const [ink, paper] = darkMode ? [lightest, darkest] : [darkest, lightest];
  // A panel with greys between black and white shows a fill in its nearest such grey (a fill is
  // there to be seen, so it never rounds to paper); one without gets the grey's pattern.
  const between = greys.filter((v) => v > 0 && v < 255);
  const panelGrey = (level: number): number | undefined => {
    const want = Math.round((darkMode ? 1 - level : level) * 255);
    const candidates = between.length > 0 && want > 0 && want < 255 ? between : greys;
    const best = candidates.reduce<number | undefined>((b, v) => (b === undefined || Math.abs(v - want) < Math.abs(b - want) ? v : b), undefined);
    return best !== undefined && (candidates === between || Math.abs(best - want) <= GREY_TOLERANCE) ? best : undefined;
  };
  const tones = new Map<number, Rgb>();
  const named: Record<string, string> = {};
  colorNames.forEach((name, i) => {
    named[name.replace(/\s+/g, '-')] = hex(palette[i]);
  });
  return {
    ink: hex(ink),
    paper: hex(paper),
    fill(level) {
      const grey = panelGrey(level);
      const v = grey ?? Math.round((darkMode ? 1 - level : level) * 255);
      if (grey === undefined) tones.set(v, [v, v, v]);
      return hex([v, v, v]);
    },
    text(level) {
      const grey = panelGrey(level);
      return grey === undefined ? hex(ink) : hex([grey, grey, grey]);
    },
    named,
    tones: () => [...tones.values()],
  };
}

function luminanceExtreme(palette: readonly Rgb[], sign: 1 | -1): Rgb {
  const lum = ([r, g, b]: Rgb): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return palette.reduce((best, c) => (sign * lum(c) > sign * lum(best) ? c : best));
}

export function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

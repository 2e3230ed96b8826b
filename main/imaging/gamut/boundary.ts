import { oklabToLinearRgb } from '../color.ts';
import { contains, type Hull, type Vec3 } from './hull.ts';

/**
 * The edge of a panel's gamut: for each hue (in OKLab, where hue lines up with how people name
 * colours), the outline of the colours of that hue the panel can show — a closed polyline in the
 * slice of lightness and chroma. Each outline point is kept in CIELAB (where distances are
 * measured) and in linear RGB (what the dithering gets).
 */
export interface GamutBoundary {
  readonly hues: number;
  /** Per hue, the outline's points in order around it, six numbers a point: L*, a*, b*, then linear r, g, b. */
  readonly outlines: readonly Float64Array[];
}

const HUES = 120;
const LIGHTNESS_STEPS = 40;
const CHROMA_STEPS = 16;
/** Larger than the chroma of any sRGB colour in OKLab (0.32). */
const MAX_CHROMA = 0.4;
const REFINE = 10;

/**
 * Traces the outline of every hue slice: at each lightness, the range of chroma inside the hull
 * (a coarse scan, then bisection at both ends). Above the panel's lightest grey a slice can hold
 * only tinted colours, so a range need not start at chroma 0.
 */
export function gamutBoundary(hull: Hull, lightest: number, darkest: number): GamutBoundary {
  const outlines: Float64Array[] = [];
  for (let h = 0; h < HUES; h++) {
    const angle = (2 * Math.PI * h) / HUES;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const inside = (l: number, c: number): boolean => contains(hull, ...oklabToLinearRgb(l, c * cos, c * sin));
    const outer: [number, number][] = [];
    const inner: [number, number][] = [];
    for (let i = 0; i <= LIGHTNESS_STEPS; i++) {
      const l = darkest + ((lightest - darkest) * i) / LIGHTNESS_STEPS;
      const range = chromaRange(l, inside);
      if (!range) continue;
      outer.push([l, range[1]]);
      inner.push([l, range[0]]);
    }
    // Around the outline: up the outer edge, then down the inner one (mostly the grey axis).
    const outline: number[] = [];
    for (const [l, c] of [...outer, ...inner.reverse()]) {
      const linear = oklabToLinearRgb(l, c * cos, c * sin);
      outline.push(...cieLab(...linear), ...linear);
    }
    outlines.push(Float64Array.from(outline));
  }
  return { hues: HUES, outlines };
}

function chromaRange(l: number, inside: (l: number, c: number) => boolean): [number, number] | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i <= CHROMA_STEPS; i++) {
    if (inside(l, (MAX_CHROMA * i) / CHROMA_STEPS)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (first < 0) return undefined;
  const step = MAX_CHROMA / CHROMA_STEPS;
  const low = first === 0 ? 0 : edge((c) => inside(l, c), first * step, (first - 1) * step);
  const high = last === CHROMA_STEPS ? MAX_CHROMA : edge((c) => inside(l, c), last * step, (last + 1) * step);
  return [low, high];
}

/** Bisection between `yes` (inside) and `no` (outside) for where inside ends. */
function edge(inside: (c: number) => boolean, yes: number, no: number): number {
  for (let i = 0; i < REFINE; i++) {
    const mid = (yes + no) / 2;
    if (inside(mid)) yes = mid;
    else no = mid;
  }
  return yes;
}

export interface Weights {
  /** How much a difference in lightness counts against the same difference in chroma. */
  readonly lightness: number;
  /** How much more than that a difference in hue counts. */
  readonly hue: number;
}

/**
 * The colour on the outlines nearest to a CIELAB colour, as linear RGB. Distance is ΔE76 with
 * lightness and hue differences weighted; the search starts on the outline of the colour's own
 * hue and walks to neighbouring hues while they come nearer.
 */
export function nearestOnOutlines(boundary: GamutBoundary, hue: number, lab: Vec3, weights: Weights): [number, number, number] | undefined {
  const { hues, outlines } = boundary;
  const wrap = (bin: number): number => ((bin % hues) + hues) % hues;
  const start = Math.round((hue / (2 * Math.PI)) * hues);
  const distance = new Map<number, number>();
  const best = { distance: Infinity, outline: outlines[0], at: 0, t: 0 };
  const tryHue = (bin: number): number => {
    let d = distance.get(wrap(bin));
    if (d === undefined) distance.set(wrap(bin), (d = nearestOnOutline(outlines[wrap(bin)], lab, weights, best)));
    return d;
  };
  let bin = start;
  const step = tryHue(bin + 1) < tryHue(bin - 1) ? 1 : -1;
  while (Math.abs(bin - start) < hues / 2 && tryHue(bin + step) < tryHue(bin)) bin += step;
  if (best.distance === Infinity) return undefined;
  const { outline: o, at, t } = best;
  const next = t > 0 ? at + 6 : at;
  return [o[at + 3] + t * (o[next + 3] - o[at + 3]), o[at + 4] + t * (o[next + 4] - o[at + 4]), o[at + 5] + t * (o[next + 5] - o[at + 5])];
}

/** The weighted distance from `lab` to one outline; records the nearest point in `best` when it beats it. */
function nearestOnOutline(o: Float64Array, [l, a, b]: Vec3, weights: Weights, best: { distance: number; outline: Float64Array; at: number; t: number }): number {
  const wl = weights.lightness;
  const wh = 1 + weights.hue;
  const chroma = Math.sqrt(a * a + b * b);
  let nearest = Infinity;
  // A one-point outline (a slice that touches the gamut at one colour) is a segment of length 0.
  const last = o.length - 12;
  for (let i = 0; i <= last || (i === 0 && o.length === 6); i += 6) {
    const next = o.length > 6 ? i + 6 : i;
    const dl = o[next] - o[i];
    const da = o[next + 1] - o[i + 1];
    const db = o[next + 2] - o[i + 2];
    const length = wl * dl * dl + da * da + db * db;
    let t = length > 0 ? (wl * (l - o[i]) * dl + (a - o[i + 1]) * da + (b - o[i + 2]) * db) / length : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    const pl = o[i] + t * dl - l;
    const pa = o[i + 1] + t * da;
    const pb = o[i + 2] + t * db;
    const ab = (pa - a) ** 2 + (pb - b) ** 2;
    const dc = Math.sqrt(pa * pa + pb * pb) - chroma;
    const hue = ab - dc * dc;
    const d = wl * pl * pl + dc * dc + wh * (hue > 0 ? hue : 0);
    if (d < nearest) nearest = d;
    if (d < best.distance) {
      best.distance = d;
      best.outline = o;
      best.at = i;
      best.t = next === i ? 0 : t;
    }
  }
  return nearest;
}

/** Linear-light sRGB → CIELAB (D65): the space the viewer's error is measured in. */
export function cieLab(r: number, g: number, b: number): Vec3 {
  const x = labF((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = labF(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = labF((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const labF = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);

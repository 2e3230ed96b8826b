/**
 * The colours a panel can show on average: dithering mixes its palette colours in the eye, and
 * light mixes linearly, so the reachable colours are the convex hull of the palette in linear-light
 * RGB. Kept as facet planes (outward normal n, offset d: inside where n·x ≤ d).
 */
export type Vec3 = readonly [number, number, number];

export interface Hull {
  /** Outward unit normals, three numbers per facet. */
  readonly normals: Float64Array;
  readonly offsets: Float64Array;
  /** How many independent directions the palette spans: 1 for greys (a line), 2 for e.g. black/white/red (a plane). */
  readonly rank: 1 | 2 | 3;
}

const EPSILON = 1e-6;
/** A flat palette (all colours on one plane or line) is given this much depth, so it still has an inside. */
const FLAT_DEPTH = 1e-3;
/** Brute force over point triples stays fast up to here; larger palettes keep only their extreme points. */
const MAX_CANDIDATES = 24;

export function paletteHull(colours: readonly Vec3[]): Hull {
  let points = dedupe(colours);
  const { rank, normals: flatNormals } = spanOf(points);
  for (const n of flatNormals) points = points.flatMap((p) => [add(p, n, FLAT_DEPTH), add(p, n, -FLAT_DEPTH)]);
  if (points.length > MAX_CANDIDATES) points = extremePoints(points);

  const normals: number[] = [];
  const offsets: number[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      for (let k = j + 1; k < points.length; k++) {
        const n = cross(sub(points[j], points[i]), sub(points[k], points[i]));
        const length = Math.hypot(...n);
        if (length < 1e-12) continue;
        const unit: Vec3 = [n[0] / length, n[1] / length, n[2] / length];
        const d = dot(unit, points[i]);
        let above = false;
        let below = false;
        for (const p of points) {
          const s = dot(unit, p) - d;
          if (s > 1e-7) above = true;
          else if (s < -1e-7) below = true;
        }
        if (above && below) continue;
        const sign = above ? -1 : 1;
        const key = [unit[0] * sign, unit[1] * sign, unit[2] * sign, d * sign].map((v) => v.toFixed(6)).join();
        if (seen.has(key)) continue;
        seen.add(key);
        normals.push(unit[0] * sign, unit[1] * sign, unit[2] * sign);
        offsets.push(d * sign);
      }
    }
  }
  return { normals: Float64Array.from(normals), offsets: Float64Array.from(offsets), rank };
}

/** How far the colour lies outside the hull (the largest facet excess; ≤ 0 inside). */
function outside(hull: Hull, r: number, g: number, b: number): number {
  const { normals, offsets } = hull;
  let worst = -Infinity;
  for (let f = 0, n = 0; f < offsets.length; f++, n += 3) {
    const excess = normals[n] * r + normals[n + 1] * g + normals[n + 2] * b - offsets[f];
    if (excess > worst) worst = excess;
  }
  return worst;
}

export const contains = (hull: Hull, r: number, g: number, b: number): boolean => outside(hull, r, g, b) <= EPSILON;

/** How many independent directions the colours span (1: all on one line, such as greys). */
export const paletteRank = (colours: readonly Vec3[]): 1 | 2 | 3 => spanOf(dedupe(colours)).rank;

function dedupe(colours: readonly Vec3[]): Vec3[] {
  const unique = new Map<string, Vec3>();
  for (const c of colours) unique.set(c.join(), c);
  return [...unique.values()];
}

/** The palette's rank, and the unit normals that complete its span to three dimensions. */
function spanOf(points: Vec3[]): { rank: 1 | 2 | 3; normals: Vec3[] } {
  let a = points[0];
  let b = points[0];
  for (const p of points) for (const q of points) if (distance(p, q) > distance(a, b)) [a, b] = [p, q];
  const axis = normalize(sub(b, a));
  if (distance(a, b) < 1e-6) return { rank: 1, normals: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
  const offAxis = (p: Vec3): Vec3 => add(sub(p, a), axis, -dot(sub(p, a), axis));
  const c = points.reduce((best, p) => (Math.hypot(...offAxis(p)) > Math.hypot(...offAxis(best)) ? p : best));
  if (Math.hypot(...offAxis(c)) < 1e-4) {
    const helper: Vec3 = Math.abs(axis[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
    const u = normalize(cross(axis, helper));
    return { rank: 1, normals: [u, normalize(cross(axis, u))] };
  }
  const normal = normalize(cross(axis, offAxis(c)));
  const flat = points.every((p) => Math.abs(dot(sub(p, a), normal)) < 1e-4);
  return flat ? { rank: 2, normals: [normal] } : { rank: 3, normals: [] };
}

/** Points that are the farthest in some direction (a dense set of directions): the hull's corners. */
function extremePoints(points: Vec3[]): Vec3[] {
  const chosen = new Set<Vec3>();
  const directions = 400;
  for (let i = 0; i < directions; i++) {
    // Fibonacci sphere: evenly spread directions.
    const z = 1 - (2 * (i + 0.5)) / directions;
    const radius = Math.sqrt(1 - z * z);
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const direction: Vec3 = [radius * Math.cos(angle), radius * Math.sin(angle), z];
    chosen.add(points.reduce((best, p) => (dot(p, direction) > dot(best, direction) ? p : best)));
  }
  return [...chosen];
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3, scale: number): Vec3 => [a[0] + scale * b[0], a[1] + scale * b[1], a[2] + scale * b[2]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const distance = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const normalize = (v: Vec3): Vec3 => {
  const length = Math.hypot(...v);
  return [v[0] / length, v[1] / length, v[2] / length];
};

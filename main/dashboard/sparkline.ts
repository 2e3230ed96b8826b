import { svgDataUri } from './elements.ts';

/**
 * A filled area chart of `values` (oldest first) as an SVG data URI, flat colours only.
 * `max` fixes the top of the scale (100 for percentages); by default the largest value is.
 */
export function sparklineUri(values: number[], opts: { width: number; height: number; fill: string; baseline: string; max?: number }): string {
  const { width, height } = opts;
  const stroke = Math.max(1, Math.round(height / 16));
  const top = Math.max(opts.max ?? 0, ...values, Number.EPSILON);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const plotHeight = height - stroke;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(plotHeight - (Math.max(0, v) / top) * plotHeight).toFixed(1)}`);
  const area = values.length > 1 ? `<path d="M0,${plotHeight} L${points.join(' L')} L${width},${plotHeight} Z" fill="${opts.fill}"/>` : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    area +
    `<rect x="0" y="${height - stroke}" width="${width}" height="${stroke}" fill="${opts.baseline}"/></svg>`;
  return svgDataUri(svg);
}

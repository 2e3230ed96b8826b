/**
 * Every colour an SVG paints with (fill, stroke, stop-color, color), including those of SVG
 * images embedded as data URIs, as lower-case #rrggbb. Mask and clip-path contents are left
 * out: they are coverage, not paint.
 */
export function paintedColours(svg: string): Set<string> {
  const colours = new Set<string>();
  const visible = svg.replace(/<mask\b[\s\S]*?<\/mask>/g, '').replace(/<clipPath\b[\s\S]*?<\/clipPath>/g, '');
  for (const m of visible.matchAll(/\b(?:fill|stroke|stop-color|color)="([^"]+)"/g)) {
    const hex = normalise(m[1]);
    if (hex) colours.add(hex);
  }
  for (const m of visible.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)) {
    for (const colour of paintedColours(Buffer.from(m[1], 'base64').toString('utf8'))) colours.add(colour);
  }
  return colours;
}

/** Elements that would paint colours other than the flat ones listed in attributes. */
export function nonFlatPaint(svg: string): string[] {
  const found = [...svg.matchAll(/<(linearGradient|radialGradient|pattern|filter)\b/g)].map((m) => m[1]);
  found.push(...[...svg.matchAll(/\b((?:fill-|stroke-)?opacity)="(0(?:\.\d+)?|\.\d+)"/g)].map((m) => `${m[1]}=${m[2]}`));
  for (const m of svg.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)) {
    found.push(...nonFlatPaint(Buffer.from(m[1], 'base64').toString('utf8')));
  }
  return found;
}

function normalise(value: string): string | null {
  const v = value.trim().toLowerCase();
  if (v === 'none' || v === 'transparent' || v === 'currentcolor' || v.startsWith('url(')) return null;
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?\)$/.exec(v);
  if (rgb) return '#' + rgb.slice(1, 4).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
  return `unparsed:${v}`;
}

import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { BUILTIN_FILTERS } from '../../main/ai/variants/filters/index.ts';
import { FIXTURES } from '../library/test-app.ts';

export const STYLE_FIXTURES = path.join(FIXTURES, 'styles');
/** Small enough to keep in git, large enough to see the style. */
const REFERENCE_WIDTH = 200;

/** Each built-in filter applied to the beach fixture, scaled down to reference size as raw RGB. */
export async function renderReferences(): Promise<Map<string, { png: Buffer; rgb: Buffer }>> {
  const source = fs.readFileSync(path.join(FIXTURES, 'beach.jpg'));
  const out = new Map<string, { png: Buffer; rgb: Buffer }>();
  for (const [name, filter] of Object.entries(BUILTIN_FILTERS)) {
    const small = sharp(await filter(source)).resize(REFERENCE_WIDTH);
    out.set(name, { png: await small.clone().png({ palette: true, colours: 64, compressionLevel: 9 }).toBuffer(), rgb: await small.clone().removeAlpha().raw().toBuffer() });
  }
  return out;
}

/** Regenerates test/fixtures/library/styles after a deliberate change to a filter: `npx tsx test/ai/builtin-styles.ts`. */
if (process.argv[1] === import.meta.filename) {
  fs.mkdirSync(STYLE_FIXTURES, { recursive: true });
  for (const [name, { png }] of await renderReferences()) fs.writeFileSync(path.join(STYLE_FIXTURES, `${name}.png`), png);
}

import fs from 'node:fs/promises';
import path from 'node:path';
import type { ScreenRecipes } from './recipe-port.ts';

const FILE = 'pushed.json';

type Codec = Pick<ScreenRecipes, 'serialize' | 'parse'>;

/**
 * What a webhook screen was pushed, merged as its pushes asked, before its transform.js reshaped
 * it: kept in the screen's folder so the next `deep_merge` or `stream` push merges into the
 * sender's own fields rather than into the transform's output.
 */
export async function readPushed(folder: string, codec: Codec): Promise<unknown> {
  const text = await fs.readFile(path.join(folder, FILE), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  return text === null ? undefined : codec.parse(text);
}

export async function writePushed(folder: string, pushed: unknown, codec: Codec): Promise<void> {
  const file = path.join(folder, FILE);
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, codec.serialize(pushed));
  await fs.rename(temp, file);
}

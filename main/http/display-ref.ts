import type { DataSource } from 'typeorm';
import { DisplayEntity, type Display } from '../storage/entities/display.ts';
import { HttpError } from './errors.ts';

/** A display named by its numeric id or its human id (`kmr-tav-bez`), as integrations name them; 404 otherwise. */
export async function displayByRef(db: DataSource, ref: unknown): Promise<Display> {
  const displays = db.getRepository(DisplayEntity);
  const text = typeof ref === 'string' ? ref.slice(0, 64) : '';
  const display = (/^\d+$/.test(text) ? await displays.findOneBy({ id: Number(text) }) : null) ?? (text ? await displays.findOneBy({ humanId: text }) : null);
  if (!display) throw new HttpError(404, 'unknown_display', `no display "${text}"`);
  return display;
}

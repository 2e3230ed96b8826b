import type { DisplayStore } from '../displays/display-store.ts';
import type { Display } from '../storage/entities/display.ts';
import { HttpError } from './errors.ts';

/** A display named by its numeric id or its human id (`kmr-tav-bez`), as integrations name them; 404 otherwise. */
export async function displayByRef(displays: Pick<DisplayStore, 'byRef'>, ref: unknown): Promise<Display> {
  const text = typeof ref === 'string' ? ref.slice(0, 64) : '';
  const display = await displays.byRef(text);
  if (!display) throw new HttpError(404, 'unknown_display', `no display "${text}"`);
  return display;
}

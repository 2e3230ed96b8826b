import type { AppContext } from '../core/app-context.ts';

/**
 * SQLite's `PRAGMA data_version`: changes when another connection commits, e.g. an
 * `inkstand photos import` run beside the server. Changes made in this process arrive as events
 * instead. Null on other databases, where the selector relies on events and its hourly rebuild.
 */
export async function externalDataVersion(app: AppContext): Promise<number | null> {
  if (app.db.options.type !== 'better-sqlite3') return null;
  const [row] = (await app.db.query('PRAGMA data_version')) as { data_version: number }[];
  return Number(row.data_version);
}

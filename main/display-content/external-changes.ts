import type { ChangedTables } from '../storage/postgres-change-feed.ts';
import type { DisplayContentService } from './display-content-service.ts';

/** Tables nothing on a frame's screen is computed from. */
const OFF_SCREEN_TABLES = new Set(['jobs', 'job_executions']);
/** Panel images: a new one matters only to displays that take the newest dashboard; the others find theirs by render key. */
const PANEL_IMAGE_TABLE = 'frames';
/** The library: the same check as for this process's own library writes (`photos-changed`). */
const LIBRARY_TABLES = new Set(['photos', 'variants']);

/**
 * Marks stale the display content another process's commits may have changed (another node, the
 * CLI): only the displays a change names (their own rows: the display, its schedule, its picture),
 * the dashboards for new panel images, the photo check for the library, and everything for any
 * other table or when it is not known what changed (SQLite, a gap in listening).
 */
export function invalidateExternallyChanged(
  content: Pick<DisplayContentService, 'invalidate' | 'invalidateDashboards' | 'recheckPhotos'>,
  changes: ChangedTables,
): void {
  if (changes === null) return content.invalidate();
  for (const [table, displayIds] of changes) {
    if (OFF_SCREEN_TABLES.has(table)) continue;
    if (displayIds !== null) for (const displayId of displayIds) content.invalidate(displayId);
    else if (table === PANEL_IMAGE_TABLE) content.invalidateDashboards();
    else if (LIBRARY_TABLES.has(table)) content.recheckPhotos();
    else return content.invalidate();
  }
}

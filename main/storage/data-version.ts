import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { PostgresDataSource } from './postgres.ts';
import type { VersionOptions } from './postgres-change-feed.ts';

/**
 * SQLite's `PRAGMA data_version`: it changes when another connection commits (an `inkstand …`
 * command run beside the server), never for this process's own writes, which arrive as events.
 * Read synchronously from a prepared statement, a few microseconds, so the device request path
 * can afford it on every request. On PostgreSQL, the count of other processes' commits that
 * arrived by NOTIFY (postgres-change-feed.ts), to the given tables only when `tables` names them
 * (SQLite cannot tell tables apart: its version moves for any commit). Null where it cannot be
 * read: a closed database.
 */
export function dataVersionReader(db: DataSource, tables: readonly string[] | null = null, options: VersionOptions = {}): () => number | null {
  if (db instanceof PostgresDataSource) return () => (db.isInitialized ? db.changes.versionOf(tables, options) : null);
  if (db.options.type !== 'better-sqlite3') return () => null;
  let statement: BetterSqlite3.Statement | null = null;
  return () => {
    if (!db.isInitialized) return null;
    statement ??= (db.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection.prepare('PRAGMA data_version').pluck();
    return Number(statement.get());
  };
}

/**
 * Tells a cache whether another process may have changed the database since it last asked. Where
 * that cannot be known (no data_version), the answer is always yes, so nothing stale is trusted.
 * Asked again in the same event-loop turn (the requests that one read from the sockets brought in),
 * the answer is no without reading: those requests arrived together, after the same commits.
 */
export class ExternalChanges {
  private readonly read: () => number | null;
  private readonly readDisplay: (displayId: number | null) => number | null;
  private seen: number | null = null;
  private checkedThisTurn = false;

  /**
   * `tables`: the only tables the cache depends on, where the database can tell (PostgreSQL).
   * `displaysApart`: changes that name their display move that display's version, not sinceLastCheck.
   */
  constructor(db: DataSource, tables: readonly string[] | null = null, options: VersionOptions = {}) {
    this.read = dataVersionReader(db, tables, options);
    const perDisplay = db instanceof PostgresDataSource && tables !== null && options.displaysApart;
    this.readDisplay = perDisplay
      ? (displayId) => (db.isInitialized ? tables.reduce((sum, table) => sum + db.changes.displayVersion(table, displayId), 0) : null)
      : () => 0;
  }

  /**
   * The version of one display's rows in those tables (null: of any display's), to compare with
   * the one read when a cached answer was looked up (constant where changes do not name displays:
   * SQLite, or without `displaysApart`; there sinceLastCheck moves instead).
   */
  displayVersion(displayId: number | null): number | null {
    return this.readDisplay(displayId);
  }

  sinceLastCheck(): boolean {
    if (this.checkedThisTurn) return this.seen === null;
    this.checkedThisTurn = true;
    setImmediate(() => {
      this.checkedThisTurn = false;
    });
    const version = this.read();
    const changed = version === null || version !== this.seen;
    this.seen = version;
    return changed;
  }
}

import type BetterSqlite3 from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { PostgresDataSource } from './postgres.ts';

/**
 * SQLite's `PRAGMA data_version`: it changes when another connection commits (an `inkstand …`
 * command run beside the server), never for this process's own writes, which arrive as events.
 * Read synchronously from a prepared statement, a few microseconds, so the device request path
 * can afford it on every request. On PostgreSQL, the count of other processes' commits that
 * arrived by NOTIFY (postgres-change-feed.ts), to the given tables only when `tables` names them
 * (SQLite cannot tell tables apart: its version moves for any commit). Null where it cannot be
 * read: a closed database.
 */
export function dataVersionReader(db: DataSource, tables: readonly string[] | null = null): () => number | null {
  if (db instanceof PostgresDataSource) return () => (db.isInitialized ? db.changes.versionOf(tables) : null);
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
  private seen: number | null = null;
  private checkedThisTurn = false;

  /** `tables`: the only tables the cache depends on, where the database can tell (PostgreSQL). */
  constructor(db: DataSource, tables: readonly string[] | null = null) {
    this.read = dataVersionReader(db, tables);
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

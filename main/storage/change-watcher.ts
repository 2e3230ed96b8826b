import type { DataSource } from 'typeorm';
import { dataVersionReader } from './data-version.ts';
import { PostgresDataSource } from './postgres.ts';
import type { ChangedTables } from './postgres-change-feed.ts';

const CHECK_INTERVAL_MS = 300;

/**
 * Notices commits made by another process on the same database (the CLI while the server runs,
 * another node on PostgreSQL), for what is not checked on every request: the display content (to wake long-polling frames), the
 * watched folders, the server name. Device and admin tokens also check for themselves per request.
 * On PostgreSQL it says which tables changed, and for rows that belong to a display which
 * displays, so only what depends on them is reloaded; SQLite's data_version cannot say (null:
 * reload everything).
 */
export class DatabaseChangeWatcher {
  private readonly read: () => number | null;
  private timer: NodeJS.Timeout | null = null;
  private last: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private checkSoon: NodeJS.Immediate | null = null;
  /** What notifications named since the last check; null once one named nothing. */
  private pending: Map<string, Set<number> | null> | null = new Map();

  constructor(private readonly db: DataSource, private readonly onChange: (tables: ChangedTables) => void) {
    this.read = dataVersionReader(db);
  }

  start(): void {
    this.last = this.read();
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
    // PostgreSQL pushes other processes' commits: act on them at once (a burst of them, once).
    if (this.db instanceof PostgresDataSource) {
      this.unsubscribe = this.db.changes.subscribe((changes) => {
        if (changes === null) this.pending = null;
        else for (const [table, displayIds] of changes) this.note(table, displayIds);
        this.checkSoon ??= setImmediate(() => {
          this.checkSoon = null;
          this.check();
        });
      });
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.checkSoon) clearImmediate(this.checkSoon);
    this.checkSoon = null;
  }

  private note(table: string, displayIds: ReadonlySet<number> | null): void {
    if (!this.pending) return;
    const known = this.pending.get(table);
    if (displayIds === null || known === null) this.pending.set(table, null);
    else this.pending.set(table, new Set([...(known ?? []), ...displayIds]));
  }

  private check(): void {
    const version = this.read();
    const pending = this.pending;
    this.pending = new Map();
    const moved = version !== null && this.last !== null && version !== this.last;
    this.last = version;
    // A version that moved with no notification naming a table (SQLite, a gap in listening): everything.
    if (pending === null || (moved && pending.size === 0)) this.onChange(null);
    else if (pending.size > 0) this.onChange(pending);
  }
}

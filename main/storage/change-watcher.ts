import type { DataSource } from 'typeorm';
import { dataVersionReader } from './data-version.ts';
import { PostgresDataSource } from './postgres.ts';

const CHECK_INTERVAL_MS = 300;

/**
 * Notices commits made by another process on the same database (the CLI while the server runs,
 * another node on PostgreSQL), for what is not checked on every request: the display content (to wake long-polling frames), the
 * watched folders, the server name. Device and admin tokens also check for themselves per request.
 */
export class DatabaseChangeWatcher {
  private readonly read: () => number | null;
  private timer: NodeJS.Timeout | null = null;
  private last: number | null = null;
  private unsubscribe: (() => void) | null = null;
  private checkSoon: NodeJS.Immediate | null = null;

  constructor(private readonly db: DataSource, private readonly onChange: () => void) {
    this.read = dataVersionReader(db);
  }

  start(): void {
    this.last = this.read();
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
    // PostgreSQL pushes other processes' commits: act on them at once (a burst of them, once).
    if (this.db instanceof PostgresDataSource) {
      this.unsubscribe = this.db.changes.subscribe(() => {
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

  private check(): void {
    const version = this.read();
    if (version !== null && this.last !== null && version !== this.last) this.onChange();
    this.last = version;
  }
}

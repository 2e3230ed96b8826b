import type { DataSource } from 'typeorm';

const CHECK_INTERVAL_MS = 300;

/**
 * Notices commits made by another process on the same database file (the CLI while the server
 * runs): SQLite's `data_version` changes only for other connections' commits.
 */
export class DatabaseChangeWatcher {
  private timer: NodeJS.Timeout | null = null;
  private last: number | null = null;

  constructor(private readonly db: DataSource, private readonly onChange: () => void) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async check(): Promise<void> {
    if (!this.db.isInitialized) return;
    const [row] = await this.db.query('PRAGMA data_version');
    const version = Number(row.data_version);
    if (this.last !== null && version !== this.last) this.onChange();
    this.last = version;
  }
}

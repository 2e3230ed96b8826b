import type { DataSource } from 'typeorm';
import { dataVersionReader } from './data-version.ts';

const CHECK_INTERVAL_MS = 300;

/**
 * Notices commits made by another process on the same database file (the CLI while the server
 * runs), for what is not checked on every request: the display content (to wake long-polling frames), the
 * watched folders, the server name. Device and admin tokens also check for themselves per request.
 */
export class DatabaseChangeWatcher {
  private readonly read: () => number | null;
  private timer: NodeJS.Timeout | null = null;
  private last: number | null = null;

  constructor(db: DataSource, private readonly onChange: () => void) {
    this.read = dataVersionReader(db);
  }

  start(): void {
    this.last = this.read();
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private check(): void {
    const version = this.read();
    if (version !== null && this.last !== null && version !== this.last) this.onChange();
    this.last = version;
  }
}

import pg from 'pg';

export const CHANGES_CHANNEL = 'inkstand_changes';
/** A connection setting each process sets to its own id, so the triggers can say who wrote. */
export const WRITER_SETTING = 'inkstand.writer';

const RECONNECT_MS = 1_000;

/**
 * Counts commits made by other processes (another node, the CLI) on the shared database, from the
 * NOTIFYs of the ChangeNotifications migration's triggers: the PostgreSQL equivalent of SQLite's
 * `data_version`, read synchronously on the request path. While the listening connection is down
 * the version moves on every read and once more on reconnecting, so nothing cached is trusted
 * across a gap in which notifications may have been missed.
 */
export class PostgresChangeFeed {
  private counter = 0;
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly url: string, private readonly writerId: string) {}

  get version(): number {
    if (!this.listening) this.counter++;
    return this.counter;
  }

  /** Called after each counted change, so a watcher can act at once rather than at its next check; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.counter++;
    for (const listener of this.listeners) listener();
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'inkstand change feed' });
    this.client = client;
    client.on('notification', (message) => {
      if (message.payload !== this.writerId) this.changed();
    });
    const lost = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.client = null;
      client.end().catch(() => undefined);
      if (!this.stopped) this.retry = setTimeout(() => void this.start().catch(() => undefined), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      lost();
      throw err;
    }
    if (this.stopped) {
      await this.stop();
      return;
    }
    this.listening = true;
    this.changed();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }
}

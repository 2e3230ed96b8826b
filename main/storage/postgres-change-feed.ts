import pg from 'pg';

export const CHANGES_CHANNEL = 'inkstand_changes';
/** A connection setting each process sets to its own id, so the triggers can say who wrote. */
export const WRITER_SETTING = 'inkstand.writer';
/** Between the writer's id and the table's name in a notification's payload. */
export const PAYLOAD_SEPARATOR = '|';

/** The tables another process changed; null when that is unknown (a reconnection: anything may have). */
export type ChangedTables = ReadonlySet<string> | null;

const RECONNECT_MS = 1_000;

/**
 * Counts commits made by other processes (another node, the CLI) on the shared database, from the
 * NOTIFYs of the change-notification triggers (payload `writer|table`): the PostgreSQL equivalent
 * of SQLite's `data_version`, read synchronously on the request path, overall or for the tables a
 * cache depends on, so a write to one table does not empty the caches of the others. While the
 * listening connection is down every version moves on every read and once more on reconnecting,
 * so nothing cached is trusted across a gap in which notifications may have been missed.
 */
export class PostgresChangeFeed {
  /** Moves for everything at once: gaps in listening, and payloads that name no table. */
  private everything = 0;
  private readonly perTable = new Map<string, number>();
  private client: pg.Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<(tables: ChangedTables) => void>();

  constructor(private readonly url: string, private readonly writerId: string) {}

  get version(): number {
    return this.versionOf(null);
  }

  /** The version of the given tables only (null: of any table). */
  versionOf(tables: readonly string[] | null): number {
    if (!this.listening) this.everything++;
    let version = this.everything;
    if (tables === null) for (const count of this.perTable.values()) version += count;
    else for (const table of tables) version += this.perTable.get(table) ?? 0;
    return version;
  }

  /** Called after each counted change with the table it was in, so a watcher can act at once rather than at its next check; returns the unsubscribe. */
  subscribe(listener: (tables: ChangedTables) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private received(payload: string): void {
    const separator = payload.indexOf(PAYLOAD_SEPARATOR);
    // A payload with no table comes from a node still running the older trigger: anything may have changed.
    const writer = separator < 0 ? payload : payload.slice(0, separator);
    if (writer === this.writerId) return;
    this.changed(separator < 0 ? null : payload.slice(separator + 1));
  }

  private changed(table: string | null): void {
    if (table === null) this.everything++;
    else this.perTable.set(table, (this.perTable.get(table) ?? 0) + 1);
    const tables = table === null ? null : new Set([table]);
    for (const listener of this.listeners) listener(tables);
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'inkstand change feed' });
    this.client = client;
    client.on('notification', (message) => {
      this.received(message.payload ?? '');
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
    this.changed(null);
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

import type pg from 'pg';
import { loadPg } from './load-pg.ts';

export const CHANGES_CHANNEL = 'inkstand_changes';
/** A connection setting each process sets to its own id, so the triggers can say who wrote. */
export const WRITER_SETTING = 'inkstand.writer';
/** Between the writer's id, the table's name and the display id in a notification's payload. */
export const PAYLOAD_SEPARATOR = '|';

/**
 * What another process changed: per table, the ids of the displays whose rows changed (null: any
 * row, or rows that belong to no display); null when that is unknown (a reconnection: anything may have).
 */
export type ChangedTables = ReadonlyMap<string, ReadonlySet<number> | null> | null;

export interface VersionOptions {
  /** Leave out the changes that name their display: the caller follows those per display (displayVersion). */
  displaysApart?: boolean;
}

const RECONNECT_MS = 1_000;

/**
 * Counts commits made by other processes (another node, the CLI) on the shared database, from the
 * NOTIFYs of the change-notification triggers (payload `writer|table`, or `writer|table|displayId`
 * for rows that belong to one display): the PostgreSQL equivalent of SQLite's `data_version`, read
 * synchronously on the request path, overall, for the tables a cache depends on, or for one
 * display's rows, so a write to one table or one display does not empty the caches of the others.
 * While the listening connection is down every version moves on every read and once more on
 * reconnecting, so nothing cached is trusted across a gap in which notifications may have been missed.
 */
export class PostgresChangeFeed {
  /** Moves for everything at once: gaps in listening, and payloads that name no table. */
  private everything = 0;
  /** Every change to each table. */
  private readonly perTable = new Map<string, number>();
  /** The changes to each table that name no display. */
  private readonly wholeTable = new Map<string, number>();
  /** The changes to each display's rows, by `table|displayId`. */
  private readonly perDisplay = new Map<string, number>();
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
  versionOf(tables: readonly string[] | null, { displaysApart = false }: VersionOptions = {}): number {
    if (!this.listening) this.everything++;
    const counts = displaysApart ? this.wholeTable : this.perTable;
    let version = this.everything;
    if (tables === null) for (const count of counts.values()) version += count;
    else for (const table of tables) version += counts.get(table) ?? 0;
    return version;
  }

  /** The version of one display's rows in a table (null: of the rows named by any display); it also moves with everything (gaps in listening). */
  displayVersion(table: string, displayId: number | null): number {
    if (!this.listening) this.everything++;
    const named = displayId === null
      ? (this.perTable.get(table) ?? 0) - (this.wholeTable.get(table) ?? 0)
      : this.perDisplay.get(`${table}${PAYLOAD_SEPARATOR}${displayId}`) ?? 0;
    return this.everything + named;
  }

  /** Called after each counted change with what it changed, so a watcher can act at once rather than at its next check; returns the unsubscribe. */
  subscribe(listener: (tables: ChangedTables) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private received(payload: string): void {
    // A payload with no table comes from a node still running the oldest trigger: anything may have changed.
    const [writer, table, displayId] = payload.split(PAYLOAD_SEPARATOR);
    if (writer === this.writerId) return;
    if (table === undefined) this.changed(null);
    else this.changed(table, displayId && /^\d+$/.test(displayId) ? Number(displayId) : null);
  }

  private changed(table: string | null, displayId: number | null = null): void {
    if (table === null) this.everything++;
    else {
      increment(this.perTable, table);
      if (displayId === null) increment(this.wholeTable, table);
      else increment(this.perDisplay, `${table}${PAYLOAD_SEPARATOR}${displayId}`);
    }
    const changes = table === null ? null : new Map([[table, displayId === null ? null : new Set([displayId])]]);
    for (const listener of this.listeners) listener(changes);
  }

  async start(): Promise<void> {
    const { Client } = await loadPg();
    const client = new Client({ connectionString: this.url, application_name: 'inkstand change feed' });
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

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

import crypto from 'node:crypto';
import type pg from 'pg';
import { loadPg } from './load-pg.ts';

/** How often a node waiting for a key another node holds asks again. */
const RETRY_MS = 10;
/** Past this the holder is taken to be stuck, and the work runs anyway. */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Cluster-wide mutual exclusion per string key (a picture's render key): PostgreSQL session-level
 * advisory locks on a connection of their own, so that waiting and holding use no connection of
 * the pool (a render holds its key for seconds, and the render itself may need the pool). A key
 * another node holds is asked for again every 10 ms with `pg_try_advisory_lock`, which never
 * blocks the connection for the other keys. A lock is also released when its session ends (the
 * node dies or loses the connection). When the lock cannot be had (no connection, or a holder
 * stuck for minutes), the work runs without it: the lock saves duplicate work; correctness is the
 * caller's (a unique key).
 */
export class PostgresKeyLocks {
  private client: Promise<pg.Client> | null = null;
  private closed = false;

  constructor(private readonly url: string, private readonly applicationName: string) {}

  async whileHolding<T>(key: string, work: () => Promise<T>): Promise<T> {
    const id = lockId(key);
    const held = await this.acquire(id).catch(() => false);
    try {
      return await work();
    } finally {
      // Not waited for: this connection runs its queries in order, so a later lock of this process comes after it.
      if (held) void this.query('SELECT pg_advisory_unlock($1)', [id]).catch(() => undefined);
    }
  }

  /** Whether some session holds the key: another node is doing the work (or this one, within whileHolding). */
  async isHeld(key: string): Promise<boolean> {
    // A bigint advisory lock shows in pg_locks as its high and low 32 bits.
    const id = BigInt.asUintN(64, BigInt(lockId(key)));
    const rows = await this.query<{ held: boolean }>(
      "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::oid AND objid = $2::oid AND objsubid = 1) AS held",
      [String(id >> 32n), String(id & 0xffffffffn)],
    );
    return rows[0].held;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await (await client?.catch(() => null))?.end().catch(() => undefined);
  }

  private async acquire(id: string): Promise<boolean> {
    const giveUpAt = Date.now() + MAX_WAIT_MS;
    for (;;) {
      const rows: { locked: boolean }[] = await this.query('SELECT pg_try_advisory_lock($1) AS locked', [id]);
      if (rows[0].locked) return true;
      if (Date.now() > giveUpAt) return false;
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  private async query<R>(sql: string, values: unknown[]): Promise<R[]> {
    if (this.closed) throw new Error('the key locks are closed');
    this.client ??= this.connect();
    return (await (await this.client).query(sql, values)).rows as R[];
  }

  private connect(): Promise<pg.Client> {
    const connecting: Promise<pg.Client> = loadPg().then(({ Client }) => {
      const client = new Client({ connectionString: this.url, application_name: this.applicationName, connectionTimeoutMillis: 10_000 });
      // A lost connection has lost its locks too: the next use connects again.
      const lost = () => {
        if (this.client === connecting) this.client = null;
        client.end().catch(() => undefined);
      };
      client.on('error', lost);
      client.on('end', lost);
      return client.connect().then(() => client, (err: unknown) => {
        lost();
        throw err;
      });
    });
    return connecting;
  }
}

/** A key's 64-bit advisory lock id (a collision only makes two renders take turns). */
function lockId(key: string): string {
  return crypto.createHash('sha256').update(key).digest().readBigInt64BE(0).toString();
}

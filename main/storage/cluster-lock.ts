import type { DataSource } from 'typeorm';

/** Advisory lock key for the start-up step that decides the cluster's UI admin token. */
export const UI_TOKEN_LOCK_KEY = 1_732_400_024_011;

/**
 * Runs `work` while no other node of the cluster runs work under the same key: a PostgreSQL
 * transaction-level advisory lock, released when the transaction ends (or its session dies). On
 * SQLite one server owns the data file, so the work just runs.
 */
export async function underClusterLock<T>(db: DataSource, key: number, work: () => Promise<T>): Promise<T> {
  if (db.options.type !== 'postgres') return work();
  return db.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [key]);
    return work();
  });
}

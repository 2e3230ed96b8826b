import type { DataSource } from 'typeorm';
import { PostgresDataSource } from './postgres.ts';

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

/**
 * Runs `work` while no other node runs work under the same string key (e.g. a picture's render
 * key), without holding a pooled connection meanwhile (postgres-key-locks.ts). On SQLite one
 * server owns the data file, so the work just runs.
 */
export async function underKeyLock<T>(db: DataSource, key: string, work: () => Promise<T>): Promise<T> {
  return db instanceof PostgresDataSource ? db.keyLocks.whileHolding(key, work) : work();
}

/** Whether other nodes may take on work under a key (PostgreSQL); on SQLite this server is the only one. */
export function keysSharedWithOtherNodes(db: DataSource): boolean {
  return db instanceof PostgresDataSource;
}

/** Whether another node runs work under the key now (underKeyLock); always false on SQLite (no other node). */
export async function keyLockHeld(db: DataSource, key: string): Promise<boolean> {
  return db instanceof PostgresDataSource && db.keyLocks.isHeld(key);
}

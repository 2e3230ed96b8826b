import type pg from 'pg';

/**
 * The PostgreSQL client, loaded when a server with a database URL first connects: a server on SQLite
 * never loads it (V8 would keep its source for the life of the process).
 */
export async function loadPg(): Promise<typeof pg> {
  return (await import('pg')).default;
}

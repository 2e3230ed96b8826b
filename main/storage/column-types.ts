/**
 * Column types that exist under the same meaning in SQLite and PostgreSQL, so the entities and
 * migrations can move to `DATABASE_URL=postgres://…` unchanged. Timestamps are the one type whose
 * name differs between the two.
 */
export const TIMESTAMP = process.env.DATABASE_URL?.startsWith('postgres') ? 'timestamptz' : 'datetime';

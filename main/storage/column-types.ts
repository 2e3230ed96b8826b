/**
 * Column types that exist under the same meaning in SQLite and PostgreSQL, so the entities and
 * migrations run unchanged on either database. Timestamps are the one type whose name differs:
 * they are written `datetime` everywhere, and on PostgreSQL `datetime` is a domain over
 * `timestamptz` that `openPostgres` creates before the migrations run (see postgres.ts).
 */
export const TIMESTAMP = 'datetime';

/** Column builders for the migrations' Table definitions. */
export const idColumn = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
export const column = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
export const nullableColumn = (name: string, type: string, extra: Record<string, unknown> = {}) => column(name, type, { isNullable: true, ...extra });

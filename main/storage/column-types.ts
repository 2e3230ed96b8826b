/**
 * Column types that exist under the same meaning in SQLite and PostgreSQL, chosen so the entities
 * and migrations need no change when PostgreSQL arrives. Today database.ts opens SQLite only;
 * timestamps are the one type whose name differs between the two, so TIMESTAMP already follows
 * DATABASE_URL.
 */
export const TIMESTAMP = process.env.DATABASE_URL?.startsWith('postgres') ? 'timestamptz' : 'datetime';

/** Column builders for the migrations' Table definitions. */
export const idColumn = { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' as const };
export const column = (name: string, type: string, extra: Record<string, unknown> = {}) => ({ name, type, ...extra });
export const nullableColumn = (name: string, type: string, extra: Record<string, unknown> = {}) => column(name, type, { isNullable: true, ...extra });

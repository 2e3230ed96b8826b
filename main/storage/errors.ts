/** True for a unique-constraint failure, on SQLite (better-sqlite3) and PostgreSQL alike: another writer got there first. */
export function isUniqueViolation(err: unknown): boolean {
  const driverError = (err as { driverError?: { code?: string } })?.driverError ?? (err as { code?: string });
  const code = driverError?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

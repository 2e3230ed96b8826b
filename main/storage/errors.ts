/** True for a unique-constraint failure, on SQLite (better-sqlite3) and PostgreSQL alike: another writer got there first. */
export function isUniqueViolation(err: unknown): boolean {
  const driverError = (err as { driverError?: { code?: string } })?.driverError ?? (err as { code?: string });
  const code = driverError?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', '57P01', '57P02', '57P03']);

/**
 * True when the database could not be reached (PostgreSQL down, restarting or cut off), as opposed
 * to a statement it refused: the request may succeed a little later, so it is answered 503.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const error = err as { driverError?: { code?: string; message?: string }; code?: string; message?: string } | null;
  const code = error?.driverError?.code ?? error?.code;
  if (code && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error?.driverError?.message ?? error?.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message);
}

import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** What reaching the database looks like in this codebase (TypeORM over SQLite or PostgreSQL, a DataSource named db). */
const DATABASE_USE: [RegExp, string][] = [
  [/^import\s+(?!type\b)[^;]*from\s+'typeorm'/m, 'imports typeorm'],
  [/^import\s+(?!type\b)[^;]*from\s+'[./]*\/storage\/(database|data-version|entities\/[\w-]+)\.ts'/m, 'imports storage code (not just its types)'],
  [/\.getRepository\s*\(|\.createQueryBuilder\s*\(|\.getMetadata\s*\(/, 'uses a repository'],
  [/\b(db|tx|manager|dataSource)\.(query|transaction)\s*\(/, 'runs SQL or a transaction'],
  [/\b(core|app|deps|context|ctx)\.db\b/, 'reaches for the DataSource'],
  [/\bdb:\s*(core|app)\.db\b|\bopenDatabase\s*\(/, 'hands the DataSource on or opens one'],
];

/** The TypeScript modules under a folder (relative to the repository), as absolute paths. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The ways a module's source reaches the database (empty: it does not). */
export function databaseUses(source: string): string[] {
  return DATABASE_USE.filter(([pattern]) => pattern.test(source)).map(([, what]) => what);
}

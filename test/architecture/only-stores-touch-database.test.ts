import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseUses, ROOT, sourceFiles } from './database-use.ts';

/** Opening the database, migrations, the change feed and locks: the storage layer itself. */
const STORAGE = 'main/storage/';
/** Where the stores are built over the one DataSource (the composition roots). */
const COMPOSITION_ROOTS = ['main/create-core.ts', 'main/create-stores.ts', 'main/server.ts'];

/** Value imports only: a module that borrows a store helper's types runs none of its queries. */
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.{1,2}\/[^']+)'/gm;

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

/** A store is known by its name (`…-store.ts`, or `store.ts` in its feature's folder); there is no list of exceptions. */
function isStore(file: string): boolean {
  return /(^|[-/])store\.ts$/.test(file);
}

/** Module → the modules that import it (by relative path from the repository root). */
function importers(sources: Map<string, string>): Map<string, string[]> {
  const byTarget = new Map<string, string[]>();
  for (const [file, source] of sources) {
    for (const [, target] of source.matchAll(VALUE_IMPORT)) {
      const resolved = path.posix.join(path.posix.dirname(file), target);
      byTarget.set(resolved, [...(byTarget.get(resolved) ?? []), file]);
    }
  }
  return byTarget;
}

/**
 * Who may reach the database: the storage layer, the composition roots, the stores, and a store's
 * own query helpers (modules only stores import). Everything else asks a store.
 */
export function databaseOffenders(sources: Map<string, string>): { file: string; uses: string[] }[] {
  const importedBy = importers(sources);
  const allowed = (file: string): boolean => file.startsWith(STORAGE) || COMPOSITION_ROOTS.includes(file) || isStore(file);
  const storeHelper = (file: string): boolean => (importedBy.get(file) ?? []).length > 0 && importedBy.get(file)!.every(isStore);
  return [...sources]
    .filter(([file]) => !allowed(file) && !storeHelper(file))
    .map(([file, source]) => ({ file, uses: databaseUses(source) }))
    .filter((o) => o.uses.length > 0);
}

describe('only stores touch the database', () => {
  it('finds no database use in main/ outside the storage layer, the composition roots and the stores', () => {
    const sources = new Map(sourceFiles(path.join(ROOT, 'main')).map((file) => [relative(file), fs.readFileSync(file, 'utf8')]));
    expect(databaseOffenders(sources), 'move these queries into a store (see README, Architecture)').toEqual([]);
  });

  it('would catch a service that queries, and lets a store and its helper do so', () => {
    const sources = new Map([
      ['main/library/import.ts', "import { PhotoEntity } from '../storage/entities/photo.ts';\nawait app.db.getRepository(PhotoEntity).save(row);"],
      ['main/library/photo-store.ts', "import { In } from 'typeorm';\nthis.photos = deps.db.getRepository(PhotoEntity);"],
      ['main/calendar/calendar-store.ts', "import { listOccurrences } from './occurrences.ts';"],
      ['main/calendar/occurrences.ts', 'await db.transaction(async (tx) => {});'],
    ]);
    expect(databaseOffenders(sources).map((o) => o.file)).toEqual(['main/library/import.ts']);
  });
});

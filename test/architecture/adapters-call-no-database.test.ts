import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseUses, ROOT, sourceFiles } from './database-use.ts';

/** Adapters translate and call; the stores are the only code that reaches the database. */
const ADAPTER_FOLDERS = ['main/admin', 'main/http', 'main/cli', 'main/desktop'];

describe('adapters call no database', () => {
  it('finds no database use in main/admin, main/http, main/cli or main/desktop', () => {
    const offenders = ADAPTER_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))
      .map((file) => ({ file: path.relative(ROOT, file), uses: databaseUses(fs.readFileSync(file, 'utf8')) }))
      .filter((o) => o.uses.length > 0);
    expect(offenders, 'move these queries into a store (see README, Architecture)').toEqual([]);
  });

  it('recognises each way of reaching the database (so the check above can fail)', () => {
    const samples = [
      "import { In } from 'typeorm';",
      "import { DisplayEntity } from '../storage/entities/display.ts';",
      "import { openDatabase } from '../storage/database.ts';",
      'const rows = repo.createQueryBuilder("d");',
      'await core.db.getRepository(X).find();',
      'await db.transaction(async (tx) => {});',
      'await tx.query("DELETE FROM displays");',
      'const displays = deps.db;',
      'integrationRoutes({ db: core.db });',
    ];
    for (const sample of samples) expect(databaseUses(sample), sample).not.toEqual([]);
    expect(databaseUses("import type { Display } from '../storage/entities/display.ts';\nconst q = req.query.wait;")).toEqual([]);
  });
});

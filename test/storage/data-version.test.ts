import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../main/storage/database.ts';
import { ExternalChanges } from '../../main/storage/data-version.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

// SQLite only: PRAGMA data_version is SQLite's; postgres-change-feed.test.ts is its PostgreSQL counterpart.
describe('ExternalChanges over SQLite', () => {
  let dataDir: string;
  let db: DataSource;
  let other: Database.Database;
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-data-version-'));
    db = await openDatabase(dataDir);
    other = new Database(path.join(dataDir, DATABASE_FILE));
    other.exec('CREATE TABLE another_process (n INTEGER)');
  });
  afterEach(async () => {
    other.close();
    await db.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('tells of another connection\'s commit from the next event-loop turn on, and reads once per turn', async () => {
    const changes = new ExternalChanges(db);
    expect(changes.sinceLastCheck()).toBe(true);
    await nextTurn();
    expect(changes.sinceLastCheck()).toBe(false);

    other.exec('INSERT INTO another_process VALUES (1)');
    // Same turn as the last check: requests that arrived together get the same answer.
    expect(changes.sinceLastCheck()).toBe(false);
    await nextTurn();
    expect(changes.sinceLastCheck()).toBe(true);
    expect(changes.sinceLastCheck()).toBe(false);
    await nextTurn();
    expect(changes.sinceLastCheck()).toBe(false);
  });

  it('does not count this process\'s own writes', async () => {
    const changes = new ExternalChanges(db);
    changes.sinceLastCheck();
    await db.query('CREATE TABLE own_write (n INTEGER)');
    await nextTurn();
    expect(changes.sinceLastCheck()).toBe(false);
  });

  it('says yes every time once the database is closed, so nothing stale is trusted', async () => {
    const changes = new ExternalChanges(db);
    changes.sinceLastCheck();
    await db.destroy();
    await nextTurn();
    expect(changes.sinceLastCheck()).toBe(true);
    expect(changes.sinceLastCheck()).toBe(true);
    db = await openDatabase(dataDir);
  });
});

import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { DATABASE_FILE, openDatabase } from '../../main/storage/database.ts';
import { MIGRATIONS } from '../../main/storage/migrations/index.ts';
import { DisplayEntity } from '../../main/storage/entities/display.ts';
import { isUniqueViolation } from '../../main/storage/errors.ts';
import { checkDatabaseUrl } from '../../main/storage/postgres.ts';
import { notePostgresMissing, postgresAvailable } from '../helpers/postgres.ts';
import { usePostgresCluster } from '../helpers/test-databases.ts';
import { tempDataDir } from '../helpers/test-server.ts';

notePostgresMissing('PostgreSQL storage');

const displayRow = (humanId: string, hardwareId: string, createdAt: Date) => ({
  humanId, hardwareId, createdAt, name: 'Kitchen', protocol: 'native' as const, status: 'pending' as const, pairingCode: '123456',
  profileId: 'waveshare-7in3e', rotation: 0, timeZone: 'UTC', defaultMode: 'photo' as const, rotationIntervalS: 3600, pollIntervalS: 60,
  requestedWidth: 800, requestedHeight: 480,
});

describe('database URLs', () => {
  it('take postgres:// only, with a database name, and say what is expected', () => {
    expect(() => checkDatabaseUrl('mysql://u@h/db')).toThrow(/PostgreSQL only/);
    expect(() => checkDatabaseUrl('not a url')).toThrow(/postgres:\/\/user:password@host/);
    expect(() => checkDatabaseUrl('postgres://u@h:5432/')).toThrow(/database name/);
    expect(checkDatabaseUrl('postgresql://u:p@h:5432/inkstand').hostname).toBe('h');
  });
});

describe.skipIf(!postgresAvailable)('PostgreSQL as the database', () => {
  const cluster = usePostgresCluster();

  it('opens with the migrations run and writes no SQLite file', async () => {
    const dataDir = tempDataDir();
    const db = await openDatabase(dataDir, { databaseUrl: await cluster.createDatabase(), nodeName: 'node-a' });
    try {
      expect((await db.query('SELECT COUNT(*)::int AS n FROM migrations'))[0].n).toBe(MIGRATIONS.length);
      expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
      const [{ application_name: name }] = await db.query('SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()');
      expect(name).toBe('inkstand node-a');
    } finally {
      await db.destroy();
    }
  });

  it('keeps dates, booleans and text as the entities expect, and reports unique violations', async () => {
    const db = await openDatabase(tempDataDir(), { databaseUrl: await cluster.createDatabase() });
    try {
      const repo = db.getRepository(DisplayEntity);
      const createdAt = new Date('2026-12-07T03:04:05.678Z');
      const saved = await repo.save(repo.create(displayRow('kitchen-1', 'aa:bb', createdAt)));
      const loaded = await repo.findOneByOrFail({ id: saved.id });
      expect(loaded.createdAt).toBeInstanceOf(Date);
      expect(loaded.createdAt.toISOString()).toBe(createdAt.toISOString());
      expect(loaded.requireToken).toBe(false);
      const duplicate = repo.save(repo.create(displayRow('kitchen-1', 'cc:dd', createdAt)));
      await expect(duplicate).rejects.toSatisfy(isUniqueViolation);
    } finally {
      await db.destroy();
    }
  });

  it('runs the migrations once when several nodes start together on an empty database', async () => {
    const url = await cluster.createDatabase();
    const nodes = await Promise.all(['a', 'b', 'c'].map((name) => openDatabase(tempDataDir(), { databaseUrl: url, nodeName: name })));
    try {
      const rows: { name: string }[] = await nodes[0].query('SELECT name FROM migrations ORDER BY id');
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(nodes.map((db: DataSource) => db.destroy()));
    }
  });
});

import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './radicale.ts';

const BIN_DIR = process.env.INKSTAND_PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Debian's `postgresql` binaries are there (CI installs them through .ci/run). */
export const postgresAvailable = fs.existsSync(path.join(BIN_DIR, 'initdb')) && fs.existsSync(path.join(BIN_DIR, 'pg_ctl'));

/** The one line a suite prints when it is skipped for want of PostgreSQL. */
export function notePostgresMissing(suite: string): void {
  if (!postgresAvailable) console.warn(`${suite}: skipped, no PostgreSQL binaries in ${BIN_DIR} (apt-get install postgresql)`);
}

export interface PostgresCluster {
  port: number;
  /** A new, empty database on the cluster; its URL. */
  createDatabase(): Promise<string>;
  /** `pg_ctl stop` and `start`, for tests of what nodes do while the database is away. */
  pause(): void;
  resume(): void;
  stop(): void;
}

/**
 * A throwaway PostgreSQL cluster: initdb in a temp dir, on a free loopback port, with fsync off
 * (nothing here must survive a crash of the machine). The server refuses to run as root, so under
 * root the cluster belongs to the `postgres` user the Debian package creates.
 */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkstand-pg-'));
  const dataDir = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  const run = (binary: string, args: string[]) => {
    const command = path.join(BIN_DIR, binary);
    return asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: dir, stdio: 'pipe' })
      : execFileSync(command, args, { cwd: dir, stdio: 'pipe' });
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const port = await freePort();
  const settings = ['-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const pgCtl = (action: 'start' | 'stop') => run('pg_ctl', [action, '-D', dataDir, '-w', '-t', '60', '-l', path.join(dir, 'log'), '-o', settings.join(' ')]);
  pgCtl('start');
  return {
    port,
    createDatabase: () => createDatabaseOn(port),
    pause: () => pgCtl('stop'),
    resume: () => pgCtl('start'),
    stop() {
      run('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate', '-w']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new database on the cluster at `port`, empty or a copy of `template`; its URL. Workers of one
 * run share a cluster, so the name is the process's own unless one is given.
 */
export async function createDatabaseOn(port: number, { template, name = `inkstand_${process.pid}_${randomBytes(4).toString('hex')}` }: { template?: string; name?: string } = {}): Promise<string> {
  await onCluster(port, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}

/** Drops a database made by `createDatabaseOn`, closing what is still connected to it. */
export async function dropDatabase(url: string): Promise<void> {
  const { port, pathname } = new URL(url);
  await onCluster(Number(port), `DROP DATABASE IF EXISTS ${pathname.slice(1)} WITH (FORCE)`);
}

async function onCluster(port: number, sql: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

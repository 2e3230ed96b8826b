import type { TestProject } from 'vitest/node';
import { createDatabaseOn, postgresAvailable, startPostgresCluster } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's throwaway PostgreSQL cluster; absent where PostgreSQL is not installed. */
    postgres?: { port: number; migratedTemplate: string };
  }
}

const MIGRATED_TEMPLATE = 'inkstand_migrated';

/**
 * One throwaway PostgreSQL cluster for the whole vitest run (where the binaries exist), with a
 * database the migrations ran on once: a suite copies it into a database of its own
 * (test-databases.ts) in a fraction of a second, where a cluster of its own and the migrations took
 * seconds. Each project inherits this file; only the root project, whose provided values every
 * project sees, starts the cluster.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  if (!postgresAvailable || !project.isRootProject()) return undefined;
  const cluster = await startPostgresCluster();
  try {
    // Loaded here: a run without PostgreSQL does not load the ORM into vitest's own process.
    const { openPostgres } = await import('../../main/storage/postgres.ts');
    const db = await openPostgres(await createDatabaseOn(cluster.port, { name: MIGRATED_TEMPLATE }));
    await db.destroy();
  } catch (err) {
    cluster.stop();
    throw err;
  }
  project.provide('postgres', { port: cluster.port, migratedTemplate: MIGRATED_TEMPLATE });
  return () => cluster.stop();
}

import { defaultDataDir } from '../config.ts';
import { createCore, type Core } from '../create-core.ts';
import { createLogger } from '../core/logger.ts';
import { createAdminApi } from '../admin/operations.ts';
import type { DisplayCommandDeps } from './display-commands.ts';
import { checkDatabaseUrl } from '../storage/postgres.ts';

export interface DataDirOption {
  dataDir?: string;
  database?: string;
  nodeName?: string;
}

export function resolveDataDir(options: DataDirOption): string {
  return options.dataDir ?? defaultDataDir();
}

/** Opens the data dir's services for one command (alongside a running server if there is one) and closes them after. */
export async function withCore<T>(options: DataDirOption, fn: (core: Core) => Promise<T>): Promise<T> {
  const dataDir = resolveDataDir(options);
  const core = await createCore(dataDir, { log: createLogger(dataDir), ...databaseSettingsFrom(options) });
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}

/** The display commands' part of the core. */
export function displayCommandDeps(core: Core): DisplayCommandDeps {
  return { admin: createAdminApi(core), displays: core.displays, pairing: core.pairing };
}

/** The database URL and node name of a command's flags, checked; unset ones keep their defaults. */
export function databaseSettingsFrom(options: { database?: string; nodeName?: string }): { databaseUrl?: string; nodeName?: string } {
  if (options.database !== undefined) checkDatabaseUrl(options.database);
  if (options.nodeName !== undefined && !/^[\w.-]{1,63}$/.test(options.nodeName)) {
    throw new Error(`--node-name takes letters, digits, '.', '-' and '_' (at most 63), not "${options.nodeName}"`);
  }
  return {
    ...(options.database === undefined ? {} : { databaseUrl: options.database }),
    ...(options.nodeName === undefined ? {} : { nodeName: options.nodeName }),
  };
}

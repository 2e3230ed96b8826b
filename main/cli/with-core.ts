import { defaultDataDir } from '../config.ts';
import { createCore, type Core } from '../create-core.ts';
import { createLogger } from '../core/logger.ts';
import { createAdminApi } from '../admin/operations.ts';
import type { DisplayCommandDeps } from './display-commands.ts';

export interface DataDirOption {
  dataDir?: string;
}

export function resolveDataDir(options: DataDirOption): string {
  return options.dataDir ?? defaultDataDir();
}

/** Opens the data dir's services for one command (alongside a running server if there is one) and closes them after. */
export async function withCore<T>(options: DataDirOption, fn: (core: Core) => Promise<T>): Promise<T> {
  const dataDir = resolveDataDir(options);
  const core = await createCore(dataDir, { log: createLogger(dataDir) });
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

import { defaultDataDir } from '../config.ts';
import { createCore, type Core } from '../create-core.ts';
import { createLogger } from '../core/logger.ts';

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

import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../bin/build-outputs.mjs';
import { createCore } from '../main/create-core.ts';
import { importFolder } from '../main/library/import-folder.ts';
import { freeUdpPort } from '../test/helpers/frame-program.ts';
import { smallPhotoFolder } from '../test/helpers/photos.ts';
import { startServeProcess, type ServeProcess } from '../test/helpers/serve-process.ts';
import { tempDataDir } from '../test/helpers/test-server.ts';
import { adminCall } from './serve-fixture.ts';

export interface ServedLibrary {
  nodes: ServeProcess[];
  dataDir: string;
  /** The UDP discovery port of each node (they all listen on loopback). */
  discoveryPorts: number[];
  /** SIGKILL of one node, as a crash. */
  kill(node: ServeProcess): void;
  stop(): Promise<void>;
}

const BENCH_ENV = { ...process.env, INKSTAND_BOOTSTRAP_LIMIT: '100000' };

/**
 * `inkstand serve` nodes over one data dir with a few photos: one node on the data dir's SQLite
 * file without `databaseUrl`, else `names.length` nodes on that PostgreSQL database, each with its
 * own discovery port. The pairing window is open, so every frame that asks is approved.
 */
export async function serveLibrary(names: string[], databaseUrl?: string): Promise<ServedLibrary> {
  ensureBuilt(['main', 'renderer', 'frame']);
  const dataDir = tempDataDir('inkstand-bench-nodes-');
  const core = await createCore(dataDir, { databaseUrl });
  await importFolder(core.app, path.dirname((await smallPhotoFolder(path.join(dataDir, 'incoming'), 4))[0]));
  await core.close();
  const nodes: ServeProcess[] = [];
  const discoveryPorts: number[] = [];
  for (const name of names) {
    const port = await freeUdpPort();
    const database = databaseUrl ? ['--database', databaseUrl, '--node-name', name] : [];
    nodes.push(await startServeProcess(dataDir, [...database, '--discovery-port', String(port)], BENCH_ENV));
    discoveryPorts.push(port);
  }
  await adminCall(nodes[0], 'POST', '/pairing/open', { minutes: 60 });
  const running = () => nodes.filter((node) => node.child.exitCode === null && node.child.signalCode === null);
  return {
    nodes,
    dataDir,
    discoveryPorts,
    kill: (node) => node.child.kill('SIGKILL'),
    async stop() {
      await Promise.all(running().map((node) => {
        const exited = new Promise((resolve) => node.child.once('exit', resolve));
        node.child.kill('SIGTERM');
        return exited;
      }));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The node's https base, from its start-up lines. */
export function httpsOf(node: ServeProcess): string {
  return /^https listening on (\S+)/m.exec(node.output())![1];
}

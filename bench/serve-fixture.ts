import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../bin/build-outputs.mjs';
import { createCore } from '../main/create-core.ts';
import { importFolder } from '../main/library/import-folder.ts';
import { smallPhotoFolder } from '../test/helpers/photos.ts';
import { startServeProcess, type ServeProcess } from '../test/helpers/serve-process.ts';
import { tempDataDir } from '../test/helpers/test-server.ts';
import { SimulatedFrame } from '../test/sim/frame.ts';

export interface PairedFleet {
  serve: ServeProcess;
  frames: SimulatedFrame[];
  dataDir: string;
  stop(): Promise<void>;
}

/** `inkstand serve` in its own process with a few photos and `count` approved frames that have polled once; `env` adds to its environment. */
export async function startFleet(count: number, size = { width: 800, height: 480 }, env: NodeJS.ProcessEnv = {}): Promise<PairedFleet> {
  // Measure what users run: the main-process bundle, as bin/inkstand.mjs builds it when stale.
  ensureBuilt(['main']);
  const dataDir = tempDataDir('inkstand-bench-');
  const core = await createCore(dataDir);
  await importFolder(core.app, path.dirname((await smallPhotoFolder(path.join(dataDir, 'incoming'), 4))[0]));
  await core.close();
  // Every simulated frame bootstraps from 127.0.0.1: lift the per-address limit for this fleet.
  const serve = await startServeProcess(dataDir, ['--no-discovery'], { ...process.env, INKSTAND_BOOTSTRAP_LIMIT: '100000', ...env });
  await fetch(`${serve.http}/api/admin/pairing/open`, { method: 'POST', headers: { authorization: `Bearer ${serve.adminToken}`, 'content-type': 'application/json' }, body: '{"minutes":10}' });
  const frames = await pairFrames(serve, 'bench', count, size);
  return {
    serve,
    frames,
    dataDir,
    async stop() {
      // The server may be writing (an upload, a frame) until it has exited.
      const exited = new Promise((resolve) => serve.child.once('exit', resolve));
      serve.child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** More frames for a fleet (its pairing window is open), each approved and polled once. */
export async function pairFrames(serve: ServeProcess, prefix: string, count: number, size = { width: 800, height: 480 }): Promise<SimulatedFrame[]> {
  const frames: SimulatedFrame[] = [];
  for (let i = 0; i < count; i++) {
    const frame = new SimulatedFrame(`${prefix}:${i}`, size.width, size.height);
    if ((await frame.bootstrap(`${serve.http}/api/display/bootstrap`)) !== 200) throw new Error('pairing window did not approve the frame');
    await frame.poll();
    frames.push(frame);
  }
  return frames;
}

/** The admin API of a fleet's server. */
export function adminCall(serve: ServeProcess, method: string, urlPath: string, body?: unknown): Promise<Response> {
  return fetch(`${serve.http}/api/admin${urlPath}`, {
    method,
    headers: { authorization: `Bearer ${serve.adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export function residentMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

/** CPU time (user and system) a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuTimeMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

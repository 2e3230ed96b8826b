import type { ServeProcess } from '../test/helpers/serve-process.ts';
import type { SimulatedFrame } from '../test/sim/frame.ts';
import { adminCall } from './serve-fixture.ts';

export interface Background {
  /** Stops the work and says how much was done. */
  stop(): Promise<number>;
}

export interface PollStats {
  /** Milliseconds, of every conditional poll answered 304 (held long-polls not included). */
  latencies: number[];
  statuses: Record<number, number>;
  failures: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Frames polling as real ones do: each asks for its state every 0.5–2 s (a random pause each
 * time) with its ETag, and `holders` of them keep a long-poll (`?wait=30`) open instead.
 */
export async function pollLikeFrames(frames: SimulatedFrame[], seconds: number, holders: number): Promise<PollStats> {
  const stats: PollStats = { latencies: [], statuses: {}, failures: [] };
  const deadline = performance.now() + seconds * 1000;
  const ask = async (frame: SimulatedFrame, wait: number): Promise<void> => {
    const started = performance.now();
    try {
      const res = await fetch(`${frame.baseUrl}/api/display/state${wait ? `?wait=${wait}` : ''}`, { headers: { ...frame.authHeaders(), 'if-none-match': frame.etag! } });
      const body = await res.arrayBuffer();
      stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
      if (res.status === 304 && !wait) stats.latencies.push(performance.now() - started);
      else if (res.status === 200) frame.etag = res.headers.get('etag');
      else if (res.status !== 304) stats.failures.push(`${res.status} ${Buffer.from(body).toString().slice(0, 100)}`);
    } catch (err) {
      stats.failures.push(String(err));
    }
  };
  await Promise.all(frames.map(async (frame, i) => {
    if (i < holders) {
      while (performance.now() < deadline) await ask(frame, 30);
      return;
    }
    await sleep(Math.random() * 2000);
    while (performance.now() < deadline) {
      await ask(frame, 0);
      await sleep(500 + Math.random() * 1500);
    }
  }));
  return stats;
}

/** Each frame's display id, from the admin API. */
export async function displayIdsOf(serve: ServeProcess, frames: SimulatedFrame[]): Promise<number[]> {
  const displays: { id: number; hardwareId: string }[] = await (await adminCall(serve, 'GET', '/displays')).json();
  return frames.map((frame) => displays.find((d) => d.hardwareId === frame.hardwareId)!.id);
}

/**
 * Keeps the frames' pictures being rendered: a new brightness each round is a new render key, so
 * every round is a real render, not a cached frame. `rounds` per frame at most (default: until stopped).
 */
export async function churnRenders(serve: ServeProcess, frames: SimulatedFrame[], rounds = Infinity): Promise<Background & { done: Promise<number> }> {
  const ids = await displayIdsOf(serve, frames);
  let running = true;
  let renders = 0;
  const done = Promise.all(frames.map(async (frame, i) => {
    for (let round = 1; running && round <= rounds; round++) {
      await adminCall(serve, 'PATCH', `/displays/${ids[i]}`, { patch: { frameSettings: { brightness: 1 + (round * frames.length + i) / 100_000 } } });
      frame.etag = null;
      await frame.poll();
      renders++;
    }
  })).then(() => renders);
  return {
    done,
    stop: () => {
      running = false;
      return done;
    },
  };
}

/** Uploads the photos one after another through the admin API, as the browser does. */
export function importMeanwhile(serve: ServeProcess, photos: Buffer[]): Background {
  let running = true;
  let imported = 0;
  const done = (async () => {
    for (const [i, photo] of photos.entries()) {
      if (!running) break;
      const form = new FormData();
      form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), `bench-${i}.jpg`);
      const res = await fetch(`${serve.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${serve.adminToken}` }, body: form });
      if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
      imported++;
    }
    return imported;
  })();
  return {
    stop: () => {
      running = false;
      return done;
    },
  };
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

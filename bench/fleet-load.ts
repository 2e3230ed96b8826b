import { Worker } from 'node:worker_threads';
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

/**
 * Frames polling as real ones do: each asks for its state every 0.5–2 s (a random pause each
 * time) with its ETag, and `holders` of them keep a long-poll (`?wait=30`) open instead. Runs on
 * a worker thread (poll-frames-worker.mjs), away from the load this process makes meanwhile.
 */
export async function pollLikeFrames(frames: SimulatedFrame[], seconds: number, holders: number): Promise<PollStats> {
  const worker = new Worker(new URL('./poll-frames-worker.mjs', import.meta.url), {
    workerData: { frames: frames.map((f) => ({ baseUrl: f.baseUrl, token: f.token, etag: f.etag })), seconds, holders },
  });
  try {
    const { etags, ...stats } = await new Promise<PollStats & { etags: (string | null)[] }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the polling thread exited with ${code}`)));
    });
    frames.forEach((frame, i) => (frame.etag = etags[i]));
    return stats;
  } finally {
    await worker.terminate();
  }
}

/** Each frame's display id, from the admin API. */
export async function displayIdsOf(serve: ServeProcess, frames: SimulatedFrame[]): Promise<number[]> {
  const displays: { id: number; hardwareId: string }[] = await (await adminCall(serve, 'GET', '/displays')).json();
  return frames.map((frame) => displays.find((d) => d.hardwareId === frame.hardwareId)!.id);
}

/**
 * Keeps the frames' pictures being rendered: a new brightness each round is a new render key, so
 * every round is a real render, not a cached frame. `rounds` per frame at most (default: until
 * stopped). A round that fails is recorded in `failures` and the frame goes on with the next.
 */
export async function churnRenders(serve: ServeProcess, frames: SimulatedFrame[], rounds = Infinity): Promise<Background & { done: Promise<number>; failures: string[] }> {
  const ids = await displayIdsOf(serve, frames);
  let running = true;
  let renders = 0;
  const failures: string[] = [];
  const done = Promise.all(frames.map(async (frame, i) => {
    for (let round = 1; running && round <= rounds; round++) {
      try {
        await adminCall(serve, 'PATCH', `/displays/${ids[i]}`, { patch: { pictureSettings: { brightness: 1 + (round * frames.length + i) / 100_000 } } });
        frame.etag = null;
        await pollUntilAnswered(frame);
        renders++;
      } catch (err) {
        failures.push(`${frame.hardwareId} round ${round}: ${(err as Error).cause ?? err}`);
      }
    }
  })).then(() => renders);
  return {
    failures,
    done,
    stop: () => {
      running = false;
      return done;
    },
  };
}

/**
 * A poll that waits for its frame's render. On a machine this loaded a render queued behind dozens
 * of others can take longer than the server's 75 s socket silence limit, which then closes the
 * connection; a real frame polls again, and so does this one (the render went on meanwhile).
 */
async function pollUntilAnswered(frame: SimulatedFrame, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await frame.poll();
      return;
    } catch (error) {
      const closed = (error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET';
      if (!closed || attempt === attempts) throw error;
    }
  }
}

/** Uploads photos one after another through the admin API, as the browser does, until stopped; `photo(i)` makes the i-th. Stopping gives each upload's time in ms. */
export function importMeanwhile(serve: ServeProcess, photo: (i: number) => Buffer): { stop(): Promise<number[]> } {
  let running = true;
  const times: number[] = [];
  const done = (async () => {
    while (running) {
      const started = performance.now();
      await uploadPhoto(serve, photo(times.length), `bench-${times.length}.jpg`);
      times.push(performance.now() - started);
    }
    return times;
  })();
  return {
    stop: () => {
      running = false;
      return done;
    },
  };
}

/** One photo uploaded through the admin API, as the browser does it. */
export async function uploadPhoto(serve: ServeProcess, jpeg: Buffer, name: string): Promise<void> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), name);
  const res = await fetch(`${serve.http}/api/admin/photos`, { method: 'POST', headers: { authorization: `Bearer ${serve.adminToken}` }, body: form });
  if (res.status !== 200) throw new Error(`upload answered ${res.status}: ${await res.text()}`);
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

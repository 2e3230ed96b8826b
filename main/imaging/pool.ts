/**
 * Rendering off the event loop: a pool of worker threads, one per CPU core but one (at least one),
 * so a device request never waits behind a render. Workers start on first use, are unref'd while
 * idle (they never keep a process alive), exit after a while without work (a worker holds libvips
 * and the drawing code, ~100 MB, which an idle server should not keep) and stop with closeImagePool().
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ImageInputError } from './errors.ts';
import type { RenderOptions, RenderedFrame } from './pipeline.ts';
import type { RenderReply, RenderRequest, RenderSource } from './pool-messages.ts';

interface Task {
  request: RenderRequest;
  resolve: (frame: RenderedFrame) => void;
  reject: (err: Error) => void;
}

const IDLE_WORKER_LIFETIME_MS = 30_000;

class ImagePool {
  private readonly idleTimers = new Map<Worker, NodeJS.Timeout>();
  private readonly size = Math.max(1, availableParallelism() - 1);
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Task>();
  private readonly queue: Task[] = [];
  private nextId = 1;

  run(source: RenderSource, opts: RenderOptions): Promise<RenderedFrame> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, source, opts }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const task of [...this.running.values(), ...this.queue.splice(0)]) task.reject(new Error('the image pool was closed'));
    this.running.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.running.size < this.size ? this.spawn() : undefined);
      if (!worker) return;
      clearTimeout(this.idleTimers.get(worker));
      this.idleTimers.delete(worker);
      const task = this.queue.shift()!;
      this.running.set(worker, task);
      worker.ref();
      worker.postMessage(task.request);
    }
  }

  private retireWhenIdle(worker: Worker): void {
    const timer = setTimeout(() => {
      this.idleTimers.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at < 0) return;
      this.idle.splice(at, 1);
      worker.removeAllListeners('exit');
      void worker.terminate();
    }, IDLE_WORKER_LIFETIME_MS);
    timer.unref();
    this.idleTimers.set(worker, timer);
  }

  private spawn(): Worker {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url));
    worker.on('message', (reply: RenderReply) => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      this.retireWhenIdle(worker);
      if (task) settle(task, reply);
      this.dispatch();
    });
    const fail = (err: Error): void => {
      const task = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      task?.reject(err);
      this.dispatch();
    };
    worker.on('error', (err) => fail(err));
    worker.on('exit', (code) => fail(new Error(`an image worker stopped (exit code ${code})`)));
    return worker;
  }
}

function settle(task: Task, reply: RenderReply): void {
  if (reply.ok) {
    const { data, indices, width, height } = reply.frame;
    task.resolve({ data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), indices, width, height });
  } else {
    task.reject(reply.inputError ? new ImageInputError(reply.message) : new Error(reply.message));
  }
}

let pool: ImagePool | undefined;

/** renderFrame on a worker thread (drawing a picture first when given one); the same result, byte for byte. */
export function renderFrameInPool(source: RenderSource, opts: RenderOptions): Promise<RenderedFrame> {
  pool ??= new ImagePool();
  return pool.run(source, opts);
}

/** Stops the workers; renders still queued or running fail. The next render starts a new pool. */
export async function closeImagePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}

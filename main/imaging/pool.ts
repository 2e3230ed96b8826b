/**
 * Rendering off the event loop, in child processes: one per CPU core but one (at least one), so a
 * device request never waits behind a render. They start on first use, never keep the server
 * alive while idle, and exit after a while without work. A child process rather than a worker
 * thread because of memory: libvips, its caches and the drawing code (~100 MB while rendering)
 * die with the process, where a worker thread leaves them mapped in the server for good.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { ImageInputError } from './errors.ts';
import type { RenderOptions } from './pipeline.ts';
import type { EncodedFrame, RenderReply, RenderRequest, RenderSource } from './pool-messages.ts';

interface Task {
  request: RenderRequest;
  resolve: (frame: EncodedFrame) => void;
  reject: (err: Error) => void;
}

const IDLE_RENDERER_LIFETIME_MS = 30_000;
const RENDERER_NICENESS = 10;
/** worker.mjs beside this file; in the bundle (dist/main) the bundled worker of that name. */
const RENDERER_ENTRY = fileURLToPath(new URL('./worker.mjs', import.meta.url));

class ImagePool {
  private readonly idleTimers = new Map<ChildProcess, NodeJS.Timeout>();
  private readonly size = Math.max(1, os.availableParallelism() - 1);
  private readonly idle: ChildProcess[] = [];
  private readonly running = new Map<ChildProcess, Task>();
  private readonly queue: Task[] = [];
  private readonly children = new Set<ChildProcess>();
  private nextId = 1;

  run(source: RenderSource, opts: RenderOptions): Promise<EncodedFrame> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, source, opts }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const children = [...this.children];
    this.idle.length = 0;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    for (const task of [...this.running.values(), ...this.queue.splice(0)]) task.reject(new Error('the image pool was closed'));
    this.running.clear();
    await Promise.all(children.map((child) => stopChild(child)));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const child = this.idle.pop() ?? (this.children.size < this.size ? this.spawn() : undefined);
      if (!child) return;
      clearTimeout(this.idleTimers.get(child));
      this.idleTimers.delete(child);
      const task = this.queue.shift()!;
      this.running.set(child, task);
      holdsProcessOpen(child, true);
      child.send(task.request);
    }
  }

  private retireWhenIdle(child: ChildProcess): void {
    const timer = setTimeout(() => {
      this.idleTimers.delete(child);
      const at = this.idle.indexOf(child);
      if (at < 0) return;
      this.idle.splice(at, 1);
      void stopChild(child);
    }, IDLE_RENDERER_LIFETIME_MS);
    timer.unref();
    this.idleTimers.set(child, timer);
  }

  private spawn(): ChildProcess {
    // Its own Node options: the server's (a debugger port, a heap size) are not the renderer's.
    const child = fork(RENDERER_ENTRY, [], { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    lowerPriority(child);
    this.children.add(child);
    child.on('message', (reply: RenderReply) => {
      const task = this.running.get(child);
      this.running.delete(child);
      holdsProcessOpen(child, false);
      this.idle.push(child);
      this.retireWhenIdle(child);
      if (task) settle(task, reply);
      this.dispatch();
    });
    const fail = (err: Error): void => {
      if (!this.children.delete(child)) return;
      const task = this.running.get(child);
      this.running.delete(child);
      const at = this.idle.indexOf(child);
      if (at >= 0) this.idle.splice(at, 1);
      clearTimeout(this.idleTimers.get(child));
      this.idleTimers.delete(child);
      task?.reject(err);
      this.dispatch();
    };
    child.on('error', (err) => fail(err));
    child.on('exit', (code, signal) => fail(new Error(`an image renderer stopped (${signal ?? `exit code ${code}`})`)));
    return child;
  }
}

/** Renders are background work: when the machine is busy, the server's event loop (device requests) gets the CPU first. */
function lowerPriority(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) os.setPriority(child.pid, RENDERER_NICENESS);
  } catch {
    // Not permitted here (some sandboxes): renders keep the server's priority.
  }
}

/** A renderer with nothing to do must not keep the server (or a CLI command) from exiting. */
function holdsProcessOpen(child: ChildProcess, hold: boolean): void {
  if (hold) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

/** Closing the channel tells the renderer to exit (worker-main.ts); a stuck one is killed. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    if (child.connected) child.disconnect();
    else child.kill();
  });
}

function settle(task: Task, reply: RenderReply): void {
  if (reply.ok) {
    const { data, width, height } = reply.frame;
    task.resolve({ data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height });
  } else {
    task.reject(reply.inputError ? new ImageInputError(reply.message) : new Error(reply.message));
  }
}

let pool: ImagePool | undefined;

/** renderFrame in a renderer process (drawing a picture first when given one): the same file, byte for byte. */
export function renderFrameInPool(source: RenderSource, opts: RenderOptions): Promise<EncodedFrame> {
  pool ??= new ImagePool();
  return pool.run(source, opts);
}

/** Stops the renderers; renders still queued or running fail. The next render starts a new pool. */
export async function closeImagePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}

/**
 * Picture work off the event loop, in child processes ("image processes"): renders, and every
 * decode or encode of a photo (imports, thumbnails, classification, filters; image-tasks.ts).
 * One per CPU core but one (at least one), so a device request never waits behind a picture.
 * They start on first use, never keep the server alive while idle, and exit after a while without
 * work. Child processes rather than worker threads because of memory: libvips, its caches and the
 * drawing code (~100 MB while rendering) die with the process, where a worker thread (or sharp
 * in the server itself) leaves them mapped in the server for good. Each warms up once idle after
 * its first tasks (or at once when started by warmImagePool): it loads the drawing engine, its
 * fonts and the panel pipeline and draws a picture, so the next picture pays none of that.
 */
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { childEntry } from '../core/child-entry.ts';
import { PhotoImportError } from '../library/import-error.ts';
import { ImageInputError } from './errors.ts';
import type { ImageTaskName, ImageTasks } from './image-tasks.ts';
import type { ImageProcessMessage, ImageProcessRequest, ImageTaskReply, ImageTaskRequest } from './pool-messages.ts';

interface Task {
  request: ImageTaskRequest;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

/** The errors callers tell apart, rebuilt from their names; any other arrives as a plain Error with its message. */
const KNOWN_ERRORS: Record<string, new (message: string) => Error> = { ImageInputError, PhotoImportError };

const IDLE_PROCESS_LIFETIME_MS = 30_000;
const IMAGE_PROCESS_NICENESS = 10;
/**
 * Tasks one image process works on at once. libvips decodes an image on about one thread and the
 * dithering is JavaScript on the process's own thread, so a few at once keep the cores busy (12 MP
 * imports on two cores: three at a time measured best, against one, two or four, or two processes).
 */
const TASKS_PER_PROCESS = 3;
const IMAGE_PROCESS_ENTRY = childEntry('worker.mjs', import.meta.url);
/**
 * glibc gives each thread that allocates (libvips', the drawing engine's) a heap arena of its own
 * and keeps their pages; two arenas cut a drawing process's peak RSS by about 30 MB (README,
 * "Drawing TRMNL markup") for CPU time within this machine's noise (a few percent). Ignored where malloc is not glibc's.
 */
const IMAGE_PROCESS_ENV = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };

class ImagePool {
  private readonly size = Math.max(1, os.availableParallelism() - 1);
  /** The image processes, each with the tasks it is working on, by request id. */
  private readonly inFlight = new Map<ChildProcess, Map<number, Task>>();
  private readonly idleTimers = new Map<ChildProcess, NodeJS.Timeout>();
  /**
   * Waiting tasks, a queue per kind of task, served in turn: an upload's decode waits for one
   * render at most, not for every frame of a "refresh all". The Map's order is the turn order.
   */
  private readonly lanes = new Map<ImageTaskName, Task[]>();
  /** Whether each image process that has reported on its warm-up (worker-main.ts) is warm, and who waits for one to be. */
  private readonly warmth = new Map<ChildProcess, boolean>();
  private warmWaiters: (() => void)[] = [];
  private nextId = 1;

  isWarm(): boolean {
    return [...this.warmth.values()].includes(true);
  }

  /**
   * Resolves once an image process is warm, or could not warm up: one is started when none runs,
   * and running ones that have not warmed up yet (busy since they started) are asked to now.
   */
  warmUp(): Promise<void> {
    if (this.isWarm()) return Promise.resolve();
    if (this.inFlight.size === 0) {
      const child = this.spawn();
      holdsProcessOpen(child, false);
      this.retireWhenIdle(child);
    }
    const cold = [...this.inFlight.keys()].filter((child) => !this.warmth.has(child));
    if (cold.length === 0) return Promise.resolve();
    for (const child of cold) child.send({ warmUp: true } satisfies ImageProcessRequest);
    return new Promise((resolve) => this.warmWaiters.push(resolve));
  }

  run(task: ImageTaskName, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes.get(task) ?? [];
      lane.push({ request: { id: this.nextId++, task, args }, resolve, reject });
      this.lanes.set(task, lane);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const children = [...this.inFlight.keys()];
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    const running = [...this.inFlight.values()].flatMap((tasks) => [...tasks.values()]);
    const waiting = [...this.lanes.values()].flat();
    this.inFlight.clear();
    this.lanes.clear();
    this.warmth.clear();
    this.wakeWarmWaiters();
    for (const task of [...running, ...waiting]) task.reject(new Error('the image pool was closed'));
    await Promise.all(children.map((child) => stopChild(child)));
  }

  private dispatch(): void {
    while (this.lanes.size > 0) {
      const child = this.processWithRoom();
      if (!child) return;
      const tasks = this.inFlight.get(child)!;
      if (tasks.size === 0) {
        clearTimeout(this.idleTimers.get(child));
        this.idleTimers.delete(child);
        holdsProcessOpen(child, true);
      }
      const task = this.nextInTurn();
      tasks.set(task.request.id, task);
      child.send(task.request);
    }
  }

  /** An idle image process, else a new one while there are fewer than `size`, else the least busy one with room. */
  private processWithRoom(): ChildProcess | undefined {
    let leastBusy: ChildProcess | undefined;
    let load = Infinity;
    for (const [child, tasks] of this.inFlight) {
      if (tasks.size < load) [leastBusy, load] = [child, tasks.size];
    }
    if (load === 0) return leastBusy;
    if (this.inFlight.size < this.size) return this.spawn();
    return load < TASKS_PER_PROCESS ? leastBusy : undefined;
  }

  private nextInTurn(): Task {
    const [name, lane] = this.lanes.entries().next().value!;
    const task = lane.shift()!;
    this.lanes.delete(name);
    if (lane.length > 0) this.lanes.set(name, lane);
    return task;
  }

  private retireWhenIdle(child: ChildProcess): void {
    const timer = setTimeout(() => {
      this.idleTimers.delete(child);
      if (this.inFlight.get(child)?.size !== 0) return;
      this.inFlight.delete(child);
      this.warmth.delete(child);
      void stopChild(child);
    }, IDLE_PROCESS_LIFETIME_MS);
    timer.unref();
    this.idleTimers.set(child, timer);
  }

  private wakeWarmWaiters(): void {
    const waiters = this.warmWaiters;
    this.warmWaiters = [];
    for (const wake of waiters) wake();
  }

  private spawn(): ChildProcess {
    // Its own Node options: the server's (a debugger port, a heap size) are not an image process's.
    const child = fork(IMAGE_PROCESS_ENTRY, [], { serialization: 'advanced', execArgv: [], env: IMAGE_PROCESS_ENV, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    lowerPriority(child);
    this.inFlight.set(child, new Map());
    child.on('message', (reply: ImageProcessMessage) => {
      if ('warm' in reply) {
        if (this.inFlight.has(child)) this.warmth.set(child, reply.warm);
        this.wakeWarmWaiters();
        return;
      }
      const tasks = this.inFlight.get(child);
      const task = tasks?.get(reply.id);
      tasks?.delete(reply.id);
      if (tasks?.size === 0) {
        holdsProcessOpen(child, false);
        this.retireWhenIdle(child);
      }
      if (task) settle(task, reply);
      this.dispatch();
    });
    const fail = (err: Error): void => {
      const tasks = this.inFlight.get(child);
      if (!tasks) return;
      this.inFlight.delete(child);
      this.warmth.delete(child);
      clearTimeout(this.idleTimers.get(child));
      this.idleTimers.delete(child);
      for (const task of tasks.values()) task.reject(err);
      if (this.inFlight.size === 0) this.wakeWarmWaiters();
      this.dispatch();
    };
    child.on('error', (err) => fail(err));
    child.on('exit', (code, signal) => fail(new Error(`an image process stopped (${signal ?? `exit code ${code}`})`)));
    return child;
  }
}

/** Picture work is background work: when the machine is busy, the server's event loop (device requests) gets the CPU first. */
function lowerPriority(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) os.setPriority(child.pid, IMAGE_PROCESS_NICENESS);
  } catch {
    // Not permitted here (some sandboxes): renders keep the server's priority.
  }
}

/** An image process with nothing to do must not keep the server (or a CLI command) from exiting. */
function holdsProcessOpen(child: ChildProcess, hold: boolean): void {
  if (hold) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

/** Closing the channel tells the image process to exit (worker-main.ts); a stuck one is killed. */
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

function settle(task: Task, reply: ImageTaskReply): void {
  if (reply.ok) task.resolve(reply.value);
  else task.reject(new (KNOWN_ERRORS[reply.error.name] ?? Error)(reply.error.message));
}

let pool: ImagePool | undefined;

/** Runs an image task (image-tasks.ts) in an image process: the same answer as calling it here, without libvips here. */
export function runImageTask<K extends ImageTaskName>(task: K, ...args: Parameters<ImageTasks[K]>): Promise<Awaited<ReturnType<ImageTasks[K]>>> {
  pool ??= new ImagePool();
  return pool.run(task, args) as Promise<Awaited<ReturnType<ImageTasks[K]>>>;
}

/** Whether an image process is running with its picture code loaded: a render now pays no start-up. */
export function imagePoolIsWarm(): boolean {
  return pool?.isWarm() ?? false;
}

/** Starts an image process unless one runs, and resolves once one has loaded its picture code (or could not). */
export function warmImagePool(): Promise<void> {
  pool ??= new ImagePool();
  return pool.warmUp();
}

let holders = 0;

/**
 * For each core (create-core.ts) that uses the image processes: they stop when the last core in
 * this process lets go, not when the first does while another still has tasks in them (test
 * processes run several servers at once).
 */
export function holdImagePool(): () => Promise<void> {
  holders++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    if (--holders === 0) await closeImagePool();
  };
}

/** Stops the image processes; tasks still queued or running fail. The next task starts a new pool. */
export async function closeImagePool(): Promise<void> {
  const closing = pool;
  pool = undefined;
  await closing?.close();
}

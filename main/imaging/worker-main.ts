// An image process (see pool.ts): runs the tasks the server sends over the IPC channel, several at
// once (the pool sends up to TASKS_PER_PROCESS; each awaits libvips or yields between steps), and
// exits when the server closes the channel (or dies). Buffers cross as Buffers (the channel uses
// V8's serialization). Once its first tasks are done, or as soon as the server asks (pool.ts,
// warmUp), it warms up (image-tasks.ts) and says so: the next picture pays no loading.
import { IMAGE_TASKS } from './image-tasks.ts';
import type { ImageProcessMessage, ImageProcessRequest, ImageTaskReply } from './pool-messages.ts';

let running = 0;
let warmUpStarted = false;

process.on('message', async (request: ImageProcessRequest) => {
  if ('warmUp' in request) return warmUp();
  const { id, task, args } = request;
  running++;
  let reply: ImageTaskReply;
  try {
    const run = IMAGE_TASKS[task] as (...args: unknown[]) => Promise<unknown>;
    reply = { id, ok: true, value: await run(...args) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, error: { name: error.name, message: error.message } };
  } finally {
    running--;
  }
  answer(reply);
  warmUpWhenIdle();
});
process.on('disconnect', exitQuietly);
// A write into a channel the parent has just closed fails with EPIPE on the channel itself; that is the same goodbye.
process.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE' || err.code === 'ERR_IPC_CHANNEL_CLOSED') exitQuietly();
  else throw err;
});

function warmUpWhenIdle(): void {
  if (running === 0) warmUp();
}

function warmUp(): void {
  if (warmUpStarted) return;
  warmUpStarted = true;
  IMAGE_TASKS.warmUp().then(
    () => answer({ warm: true }),
    (err: Error) => {
      console.error(`an image process could not warm up: ${err.message}`);
      answer({ warm: false });
    },
  );
}

function answer(message: ImageProcessMessage): void {
  // The server may have closed the channel meanwhile (it is stopping): nobody is left to answer.
  if (!process.connected) return;
  process.send!(message, (err: Error | null) => {
    if (err) exitQuietly();
  });
}

function exitQuietly(): never {
  process.exit(0);
}

// An image process (see pool.ts): runs the tasks the server sends over the IPC channel, several at
// once (the pool sends up to TASKS_PER_PROCESS; each awaits libvips or yields between steps), and
// exits when the server closes the channel (or dies). Buffers cross as Buffers (the channel uses
// V8's serialization).
import { IMAGE_TASKS } from './image-tasks.ts';
import type { ImageTaskReply, ImageTaskRequest } from './pool-messages.ts';

process.on('message', async ({ id, task, args }: ImageTaskRequest) => {
  let reply: ImageTaskReply;
  try {
    const run = IMAGE_TASKS[task] as (...args: unknown[]) => Promise<unknown>;
    reply = { id, ok: true, value: await run(...args) };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, error: { name: error.name, message: error.message } };
  }
  // The server may have closed the channel while this task ran (it is stopping): nobody is left to answer.
  if (!process.connected) return;
  process.send!(reply, (err: Error | null) => {
    if (err) exitQuietly();
  });
});
process.on('disconnect', exitQuietly);
// A write into a channel the parent has just closed fails with EPIPE on the channel itself; that is the same goodbye.
process.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE' || err.code === 'ERR_IPC_CHANNEL_CLOSED') exitQuietly();
  else throw err;
});

function exitQuietly(): never {
  process.exit(0);
}

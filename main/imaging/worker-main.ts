// An image process (see pool.ts): runs the tasks the server sends over the IPC channel, one at a
// time, and exits when the server closes the channel (or dies). Buffers cross as Buffers
// (the channel uses V8's serialization).
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
  process.send!(reply);
});
process.on('disconnect', () => process.exit(0));

import type { ImageTaskName } from './image-tasks.ts';

export interface ImageTaskRequest {
  id: number;
  task: ImageTaskName;
  args: unknown[];
}

/** What the server sends an image process: a task, or the request to warm up now (an image process otherwise warms up after its first tasks). */
export type ImageProcessRequest = ImageTaskRequest | { warmUp: true };

/** An error keeps its class's name, so the server can give back the errors callers tell apart (see pool.ts). */
export type ImageTaskReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

/** What an image process sends: a task's answer, or once, whether its warm-up (image-tasks.ts) went through. */
export type ImageProcessMessage = ImageTaskReply | { warm: boolean };

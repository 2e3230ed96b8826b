import type { ImageTaskName } from './image-tasks.ts';

export interface ImageTaskRequest {
  id: number;
  task: ImageTaskName;
  args: unknown[];
}

/** An error keeps its class's name, so the server can give back the errors callers tell apart (see pool.ts). */
export type ImageTaskReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { name: string; message: string } };

import { parentPort } from 'node:worker_threads';
import { canvasForPanel, drawPicture } from '../dashboard/picture.ts';
import { ImageInputError } from './errors.ts';
import { renderFrame } from './pipeline.ts';
import type { RenderRequest, RenderReply } from './pool-messages.ts';

parentPort!.on('message', async ({ id, source, opts }: RenderRequest) => {
  let reply: RenderReply;
  try {
    // Buffers arrive as plain Uint8Arrays after structured cloning; pictures are drawn here too, off the event loop.
    const input = typeof source === 'string'
      ? source
      : 'picture' in source
        ? await drawPicture(source.picture, canvasForPanel(opts.profile, opts.rotation))
        : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    const frame = await renderFrame(input, opts);
    reply = { id, ok: true, frame };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, message: error.message, inputError: error instanceof ImageInputError };
  }
  parentPort!.postMessage(reply, reply.ok ? transferable(reply.frame.data, reply.frame.indices) : []);
});

/** Hands buffers over without copying when they own their whole ArrayBuffer (small Buffers share a pool). */
function transferable(...views: Uint8Array[]): ArrayBuffer[] {
  return views.filter((v) => v.byteOffset === 0 && v.byteLength === v.buffer.byteLength).map((v) => v.buffer as ArrayBuffer);
}

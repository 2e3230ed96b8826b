// A renderer process (see pool.ts): renders what the server sends over the IPC channel, one at a
// time, and exits when the server closes the channel (or dies).
import { ImageInputError } from './errors.ts';
import type { Picture } from '../dashboard/picture.ts';
import { renderFrame, type RenderOptions } from './pipeline.ts';
import type { RenderRequest, RenderReply } from './pool-messages.ts';

process.on('message', async ({ id, source, opts }: RenderRequest) => {
  let reply: RenderReply;
  try {
    // Buffers arrive as plain Uint8Arrays; pictures are drawn here too, off the server's event loop.
    const input = typeof source === 'string'
      ? source
      : 'picture' in source
        ? await draw(source.picture, opts)
        : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
    const { data, width, height } = await renderFrame(input, opts);
    reply = { id, ok: true, frame: { data, width, height } };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    reply = { id, ok: false, message: error.message, inputError: error instanceof ImageInputError };
  }
  process.send!(reply);
});
process.on('disconnect', () => process.exit(0));

/** The drawing code (satori, resvg) is loaded with the first picture: a renderer started for photos starts quicker without it. */
async function draw(picture: Picture, opts: RenderOptions): Promise<Buffer> {
  const { canvasForPanel, drawPicture } = await import('../dashboard/picture.ts');
  return drawPicture(picture, canvasForPanel(opts.profile, opts.rotation));
}

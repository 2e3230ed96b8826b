import type { Picture } from '../dashboard/picture.ts';
import type { RenderOptions, RenderedFrame } from './pipeline.ts';

/** An image (bytes or a file path), or a flat screen the renderer draws first. */
export type RenderSource = Uint8Array | string | { picture: Picture };

export interface RenderRequest {
  id: number;
  source: RenderSource;
  opts: RenderOptions;
}

/** What the server keeps of a render: the encoded file. The palette indices (as large again) stay in the renderer. */
export type EncodedFrame = Omit<RenderedFrame, 'indices'>;

export type RenderReply = { id: number; ok: true; frame: EncodedFrame } | { id: number; ok: false; message: string; inputError: boolean };

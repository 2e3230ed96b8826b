import type { Picture } from '../dashboard/picture.ts';
import type { RenderOptions, RenderedFrame } from './pipeline.ts';

/** An image (bytes or a file path), or a flat screen the renderer draws first. */
export type RenderSource = Uint8Array | string | { picture: Picture };

export interface RenderRequest {
  id: number;
  source: RenderSource;
  opts: RenderOptions;
}

export type RenderReply = { id: number; ok: true; frame: RenderedFrame } | { id: number; ok: false; message: string; inputError: boolean };

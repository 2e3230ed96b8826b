import type { RenderOptions, RenderedFrame } from './pipeline.ts';

export interface RenderRequest {
  id: number;
  source: Uint8Array | string;
  opts: RenderOptions;
}

export type RenderReply = { id: number; ok: true; frame: RenderedFrame } | { id: number; ok: false; message: string; inputError: boolean };

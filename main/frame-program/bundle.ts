import fs from 'node:fs';
import path from 'node:path';
import { APP_ROOT } from '../core/app-root.ts';

/** The frame program as `npm run build` packed it from frame/ (bin/build-frame.mjs). */
export interface FrameBundle {
  version: string;
  /** SHA-256 (hex) of the tarball; the served installer checks it before unpacking. */
  sha256: string;
  tarball: Buffer;
  /** The README's panel guide (Markdown). */
  panelGuide: string;
}

export const DEFAULT_FRAME_BUNDLE_DIR = path.join(APP_ROOT, 'dist', 'frame');

/**
 * Reads the built bundle once and keeps it (about 25 kB). Null when this copy was never built
 * (a checkout before `npm run build`): the routes then say how to build it.
 */
export class FrameBundleSource {
  private cached: FrameBundle | null = null;

  constructor(private readonly dir: string = DEFAULT_FRAME_BUNDLE_DIR) {}

  get(): FrameBundle | null {
    if (this.cached) return this.cached;
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(this.dir, 'manifest.json'), 'utf8')) as { version: string; sha256: string };
      this.cached = {
        version: manifest.version,
        sha256: manifest.sha256,
        tarball: fs.readFileSync(path.join(this.dir, 'inkstand-frame.tar.gz')),
        panelGuide: fs.readFileSync(path.join(this.dir, 'panel-guide.md'), 'utf8'),
      };
    } catch {
      return null;
    }
    return this.cached;
  }

  version(): string | null {
    return this.get()?.version ?? null;
  }
}

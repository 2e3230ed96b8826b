import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource, Repository } from 'typeorm';
import { writeFileAtomic } from '../core/atomic-file.ts';
import { PanelImageEntity, type PanelImage } from '../storage/entities/panel-image.ts';
import { isUniqueViolation } from '../storage/errors.ts';

/** The folder keeps its old name so existing data dirs keep working. */
export const PANEL_IMAGES_DIR = 'frames';

export interface PanelImageRequest {
  /** Identity of everything the picture depends on; the same key is rendered once and reused. */
  renderKey: string;
  sourceKind: string;
  sourceRef: string;
  /** Produces the device-ready PNG; called only when no panel image exists for the key. */
  produce(): Promise<Buffer>;
}

/**
 * Device-ready images on disk, named by content hash and written atomically (a killed process leaves
 * at most a temp file, never a partial panel image), with a row per render key so a panel image is made once.
 */
export class PanelImageStore {
  private readonly rows: Repository<PanelImage>;
  private readonly inFlight = new Map<string, Promise<PanelImage>>();
  readonly dir: string;

  constructor(db: DataSource, private readonly dataDir: string, private readonly now: () => Date) {
    this.rows = db.getRepository(PanelImageEntity);
    this.dir = path.join(dataDir, PANEL_IMAGES_DIR);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /** Temp files left by a process that died mid-write; no row names them, so they are only clutter. Called at server start. */
  sweepInterruptedWrites(): void {
    for (const name of fs.readdirSync(this.dir)) if (/^\..*\.tmp$/.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
  }

  static renderKey(parts: unknown): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  async ensure(request: PanelImageRequest): Promise<PanelImage> {
    const pending = this.inFlight.get(request.renderKey);
    if (pending) return pending;
    const work = this.findOrProduce(request).finally(() => this.inFlight.delete(request.renderKey));
    this.inFlight.set(request.renderKey, work);
    return work;
  }

  async byId(id: number): Promise<PanelImage | null> {
    return this.rows.findOneBy({ id });
  }

  async byVersion(version: string): Promise<PanelImage | null> {
    return this.rows.findOneBy({ version });
  }

  absolutePath(image: PanelImage): string {
    return path.join(this.dataDir, image.filePath);
  }

  /** The newest panel image of a kind for a source, e.g. the last dashboard rendered for a display. */
  async latest(sourceKind: string, sourceRef: string): Promise<PanelImage | null> {
    return this.rows.findOne({ where: { sourceKind, sourceRef }, order: { producedAt: 'DESC', id: 'DESC' } });
  }

  private async findOrProduce(request: PanelImageRequest): Promise<PanelImage> {
    const existing = await this.rows.findOneBy({ renderKey: request.renderKey });
    if (existing && fs.existsSync(this.absolutePath(existing))) return existing;
    const png = await request.produce();
    const hash = crypto.createHash('sha256').update(png).digest('hex');
    const relative = path.join(PANEL_IMAGES_DIR, `${hash}.png`);
    const absolute = path.join(this.dataDir, relative);
    if (!fs.existsSync(absolute)) await writeFileAtomic(absolute, png);
    const image = existing ?? this.rows.create({ renderKey: request.renderKey });
    Object.assign(image, {
      version: hash.slice(0, 16),
      filePath: relative,
      sourceKind: request.sourceKind,
      sourceRef: request.sourceRef,
      producedAt: this.now(),
    });
    try {
      return await this.rows.save(image);
    } catch (err) {
      // Another process (the CLI beside the server) rendered the same key at the same time: same picture, keep theirs.
      if (isUniqueViolation(err)) return this.rows.findOneByOrFail({ renderKey: request.renderKey });
      throw err;
    }
  }
}

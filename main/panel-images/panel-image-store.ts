import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { In, LessThan, Not, type DataSource, type Repository } from 'typeorm';
import { writeFileAtomic } from '../core/atomic-file.ts';
import type { AppEvents } from '../core/events.ts';
import type { Logger } from '../core/logger.ts';
import { keyLockHeld, keysSharedWithOtherNodes, underKeyLock } from '../storage/cluster-lock.ts';
import { DisplayPanelImageEntity, PanelImageEntity, type DisplayPanelImage, type PanelImage } from '../storage/entities/panel-image.ts';
import { isUniqueViolation } from '../storage/errors.ts';

/** The folder keeps its old name so existing data dirs keep working. */
export const PANEL_IMAGES_DIR = 'frames';

/** How often a node warming up to draw a picture asks whether another node has taken it on. */
const WATCH_INTERVAL_MS = 10;
/** No render takes this long: a temp file older than this was left by a process that died. */
const ABANDONED_WRITE_MS = 10 * 60_000;

export interface PanelImageRequest {
  /** Identity of everything the picture depends on; the same key is rendered once and reused. */
  renderKey: string;
  sourceKind: string;
  sourceRef: string;
  /** Produces the device-ready PNG; called only when no panel image exists for the key. */
  produce(): Promise<Buffer>;
  /** When produce() would first have to start up (a cold image process): starts that, settling once done; else undefined. Asked on PostgreSQL only. */
  warmUp?(): Promise<void> | undefined;
}

export interface PanelImageStoreDeps {
  db: DataSource;
  events: AppEvents;
  log: Logger;
  dataDir: string;
  now(): Date;
}

/**
 * Device-ready images on disk, named by content hash and written atomically (a killed process leaves
 * at most a temp file, never a partial panel image), with a row per render key so a panel image is
 * made once (`panel-images-stored` when one is stored or old ones go); and which one each display
 * shows (`panel-image-changed` when that changes). The only code touching the frames and
 * display_frames tables (names kept from before the rename).
 *
 * A render key is rendered once for the whole cluster: within this process requests for the same
 * key share one render, and across the nodes of a PostgreSQL cluster the key's advisory lock makes
 * a second node wait for the first and then find its row (the unique key still keeps one row should
 * the lock be unavailable). A node that would have to start up first (warmUp) does that before it
 * takes the lock, and leaves the key to a node that takes it meanwhile: after a change on node A,
 * node B with no image process running waits for A's picture rather than draws its own cold.
 */
export class PanelImageStore {
  private readonly rows: Repository<PanelImage>;
  private readonly assignments: Repository<DisplayPanelImage>;
  private readonly inFlight = new Map<string, Promise<PanelImage>>();
  private readonly dataDir: string;
  private readonly now: () => Date;
  readonly dir: string;

  constructor(private readonly deps: PanelImageStoreDeps) {
    const { db, dataDir } = deps;
    this.dataDir = dataDir;
    this.now = deps.now;
    this.rows = db.getRepository(PanelImageEntity);
    this.assignments = db.getRepository(DisplayPanelImageEntity);
    this.dir = path.join(dataDir, PANEL_IMAGES_DIR);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  /**
   * Temp files left by a process that died mid-write; no row names them, so they are only clutter.
   * Called at server start. On PostgreSQL only old ones: the data dir is shared by the nodes, and a
   * young temp file may be another node's write in progress (on SQLite one server owns the data dir).
   */
  sweepInterruptedWrites(): void {
    const shared = this.deps.db.options.type === 'postgres';
    const cutoff = shared ? Date.now() - ABANDONED_WRITE_MS : Infinity;
    for (const name of fs.readdirSync(this.dir)) {
      if (!/^\..*\.tmp$/.test(name)) continue;
      const file = path.join(this.dir, name);
      if ((fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -Infinity) < cutoff) fs.rmSync(file, { force: true });
    }
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

  /** Records the panel image a display shows now; announces it when that changed. */
  async assign(displayId: number, image: PanelImage, mode: string, now: Date): Promise<void> {
    const current = await this.assignments.findOneBy({ displayId });
    if (current?.panelImageId === image.id && current.mode === mode) return;
    await this.assignments.upsert({ displayId, panelImageId: image.id, mode, assignedAt: now }, ['displayId']);
    this.deps.events.emit('panel-image-changed', { displayId, version: image.version });
  }

  /** Deletes rows no display shows that were produced before `before`; returns how many. */
  async removeUnassigned(before: Date): Promise<number> {
    const shown = (await this.assignments.find()).map((row) => row.panelImageId);
    const stale = await this.rows.find({ where: { id: Not(In(shown)), producedAt: LessThan(before) }, select: { id: true } });
    for (let i = 0; i < stale.length; i += 500) await this.rows.delete(stale.slice(i, i + 500).map((f) => f.id));
    if (stale.length > 0) this.deps.events.emit('panel-images-stored', {});
    return stale.length;
  }

  /** The file names some row still names. */
  async namedFiles(): Promise<Set<string>> {
    return new Set((await this.rows.find({ select: { filePath: true } })).map((f) => path.basename(f.filePath)));
  }

  /**
   * The stored panel image of the key, else one rendered now under the key's lock (another node may
   * have stored it while this one waited: then that one). A row whose file is gone is rendered again.
   */
  private async findOrProduce(request: PanelImageRequest): Promise<PanelImage> {
    const stored = await this.rows.findOneBy({ renderKey: request.renderKey });
    if (stored && fs.existsSync(this.absolutePath(stored))) return stored;
    const lockKey = `panel image ${request.renderKey}`;
    // Alone there is nobody to leave the picture to: the render starts its image process itself.
    const warming = keysSharedWithOtherNodes(this.deps.db) ? request.warmUp?.() : undefined;
    if (warming) await this.untilWarmOrTakenElsewhere(request.renderKey, lockKey, warming);
    return underKeyLock(this.deps.db, lockKey, async () => {
      const existing = await this.rows.findOneBy({ renderKey: request.renderKey });
      if (existing && fs.existsSync(this.absolutePath(existing))) return existing;
      return this.produce(request, existing);
    });
  }

  /** Waits for the warm-up, or less: until another node holds the key's lock (it draws; underKeyLock waits for it) or has stored the picture. */
  private async untilWarmOrTakenElsewhere(renderKey: string, lockKey: string, warming: Promise<void>): Promise<void> {
    let warm = false;
    const warmOrRetry = warming.catch(() => undefined).finally(() => (warm = true));
    while (!warm) {
      const taken = await Promise.all([keyLockHeld(this.deps.db, lockKey), this.rows.existsBy({ renderKey })]).catch(() => [false, false]);
      if (taken.includes(true)) return;
      await Promise.race([warmOrRetry, new Promise((resolve) => setTimeout(resolve, WATCH_INTERVAL_MS))]);
    }
  }

  private async produce(request: PanelImageRequest, existing: PanelImage | null): Promise<PanelImage> {
    const startedAt = performance.now();
    const png = await request.produce();
    this.deps.log.debug({ renderKey: request.renderKey, sourceKind: request.sourceKind, sourceRef: request.sourceRef, ms: Math.round(performance.now() - startedAt) }, 'rendered a panel image');
    const hash = crypto.createHash('sha256').update(png).digest('hex');
    const relative = path.join(PANEL_IMAGES_DIR, `${hash}.png`);
    const absolute = path.join(this.dataDir, relative);
    if (!fs.existsSync(absolute)) await writeFileAtomic(absolute, png);
    const fields = { version: hash.slice(0, 16), filePath: relative, sourceKind: request.sourceKind, sourceRef: request.sourceRef, producedAt: this.now() };
    try {
      // One statement each (no transaction around a save): a waiting frame's answer is this row.
      let image: PanelImage;
      if (existing) {
        await this.rows.update({ id: existing.id }, fields);
        image = { ...existing, ...fields };
      } else {
        const inserted = await this.rows.insert({ renderKey: request.renderKey, ...fields });
        image = { id: Number(inserted.identifiers[0].id), renderKey: request.renderKey, ...fields };
      }
      this.deps.events.emit('panel-images-stored', { renderKey: request.renderKey });
      return image;
    } catch (err) {
      // Another process rendered the same key at the same time (the CLI beside the server, or a node without the key lock): same picture, keep theirs.
      if (isUniqueViolation(err)) return this.rows.findOneByOrFail({ renderKey: request.renderKey });
      throw err;
    }
  }
}

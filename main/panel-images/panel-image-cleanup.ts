import fs from 'node:fs';
import path from 'node:path';
import { In, LessThan, Not } from 'typeorm';
import type { CleanupStep } from '../core/cleanup-step.ts';
import { DisplayPanelImageEntity, PanelImageEntity } from '../storage/entities/panel-image.ts';
import { PANEL_IMAGES_DIR } from './panel-image-store.ts';

/** Panel images no display shows are kept this long, so switching back (dashboard → photo) reuses them. */
const UNUSED_IMAGE_RETENTION_MS = 24 * 3600_000;
/** A file younger than this may be a render whose row is not written yet. */
const FILE_GRACE_MS = 3600_000;

/** The cleanup step for device-ready images: rows no display shows any more, then files no row names. */
export const unreferencedPanelImagesStep: CleanupStep = {
  name: 'frames',
  async run({ app }) {
    const now = app.now().getTime();
    const shown = (await app.db.getRepository(DisplayPanelImageEntity).find()).map((row) => row.panelImageId);
    const images = app.db.getRepository(PanelImageEntity);
    const stale = await images.find({ where: { id: Not(In(shown)), producedAt: LessThan(new Date(now - UNUSED_IMAGE_RETENTION_MS)) }, select: { id: true } });
    for (let i = 0; i < stale.length; i += 500) await images.delete(stale.slice(i, i + 500).map((f) => f.id));

    const named = new Set((await images.find({ select: { filePath: true } })).map((f) => path.basename(f.filePath)));
    const dir = path.join(app.dataDir, PANEL_IMAGES_DIR);
    let files = 0;
    for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const file = path.join(dir, name);
      if (named.has(name) || now - fs.statSync(file).mtimeMs < FILE_GRACE_MS) continue;
      fs.rmSync(file, { force: true });
      files++;
    }
    return `${stale.length} unused panel images and ${files} panel image files`;
  },
};

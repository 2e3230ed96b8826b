import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** A device-ready image: rendered once per (source, profile, rotation, settings), named by content hash. */
export interface PanelImage {
  id: number;
  /** sha256 of (source identity, profile, rotation, settings): the reuse key. */
  renderKey: string;
  /** Short content hash of the PNG; the `version` devices see. */
  version: string;
  /** Relative to the data dir. */
  filePath: string;
  sourceKind: string;
  sourceRef: string;
  producedAt: Date;
}

export const PanelImageEntity = new EntitySchema<PanelImage>({
  name: 'PanelImage',
  tableName: 'frames',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    renderKey: { name: 'render_key', type: 'varchar', length: 64, unique: true },
    version: { type: 'varchar', length: 32 },
    filePath: { name: 'file_path', type: 'varchar', length: 255 },
    sourceKind: { name: 'source_kind', type: 'varchar', length: 16 },
    sourceRef: { name: 'source_ref', type: 'varchar', length: 255 },
    producedAt: { name: 'produced_at', type: TIMESTAMP },
  },
  indices: [{ name: 'idx_frames_version', columns: ['version'] }],
});

/** The panel image each display is showing now; its version is what `/api/display/state` reports. */
export interface DisplayPanelImage {
  displayId: number;
  panelImageId: number;
  mode: string;
  assignedAt: Date;
}

export const DisplayPanelImageEntity = new EntitySchema<DisplayPanelImage>({
  name: 'DisplayPanelImage',
  tableName: 'display_frames',
  columns: {
    displayId: { name: 'display_id', type: 'integer', primary: true },
    panelImageId: { name: 'frame_id', type: 'integer' },
    mode: { type: 'varchar', length: 16 },
    assignedAt: { name: 'assigned_at', type: TIMESTAMP },
  },
});

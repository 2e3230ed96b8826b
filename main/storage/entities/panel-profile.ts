import { EntitySchema } from 'typeorm';

/** A profile the user made (size, palette, order); built-in profiles live in code. */
export interface StoredPanelProfile {
  id: string;
  /** JSON of the validated PanelProfile. */
  definition: string;
}

export const PanelProfileEntity = new EntitySchema<StoredPanelProfile>({
  name: 'PanelProfile',
  tableName: 'panel_profiles',
  columns: {
    id: { type: 'varchar', length: 64, primary: true },
    definition: { type: 'text' },
  },
});

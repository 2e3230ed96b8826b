import { EntitySchema } from 'typeorm';

/** A user's override of one catalogue art style: switched off, or scored differently. */
export interface ArtStyleSetting {
  name: string;
  enabled: boolean;
  /** 0..1; null keeps the catalogue's score. */
  score: number | null;
}

export const ArtStyleSettingEntity = new EntitySchema<ArtStyleSetting>({
  name: 'ArtStyleSetting',
  tableName: 'art_style_settings',
  columns: {
    name: { type: 'varchar', length: 64, primary: true },
    enabled: { type: 'boolean', default: true },
    score: { type: 'real', nullable: true },
  },
});

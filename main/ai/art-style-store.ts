import type { DataSource, Repository } from 'typeorm';
import { styleChangeSchema } from '../../contract/library-schemas.ts';
import { parseInput, ValidationError } from '../core/errors.ts';
import { ArtStyleSettingEntity, type ArtStyleSetting } from '../storage/entities/art-style.ts';

export type StyleOverride = Omit<ArtStyleSetting, 'name'>;

export interface ArtStyleStoreDeps {
  db: DataSource;
  /** Whether a style of that name exists (the catalogue's, or the plain photo). */
  isStyle(name: string): boolean;
  /** Announces that what the selector draws from changed (the photo store's `photos-changed`). */
  changed(): void;
}

/** The user's overrides of the art-style catalogue (switched off, rescored); each change is announced, since it changes what displays draw. */
export class ArtStyleStore {
  private readonly rows: Repository<ArtStyleSetting>;

  constructor(private readonly deps: ArtStyleStoreDeps) {
    this.rows = deps.db.getRepository(ArtStyleSettingEntity);
  }

  async overrides(): Promise<Map<string, StyleOverride>> {
    const rows = await this.rows.find();
    return new Map(rows.map((r) => [r.name, { enabled: Boolean(r.enabled), score: r.score }]));
  }

  /** Applies a change (contract/library-schemas.ts styleChangeSchema) to one style; unset fields keep their value. */
  async set(name: string, input: unknown): Promise<void> {
    if (!this.deps.isStyle(name)) throw new ValidationError(`unknown art style "${name}"`);
    const change = parseInput(styleChangeSchema, input, 'style');
    const current = await this.rows.findOneBy({ name });
    await this.rows.save({
      name,
      enabled: change.enabled ?? current?.enabled ?? true,
      score: change.score !== undefined ? change.score : current?.score ?? null,
    });
    this.deps.changed();
  }
}

import type { DataSource } from 'typeorm';
import { findBuiltinProfile, validateCustomProfile, type PanelProfile } from '../imaging/profiles.ts';
import { PanelProfileEntity } from '../storage/entities/panel-profile.ts';

class UnknownProfileError extends Error {}

/** Built-in profiles from code, custom ones from the database. */
export class ProfileRegistry {
  constructor(private readonly db: DataSource) {}

  async get(id: string): Promise<PanelProfile> {
    const builtIn = findBuiltinProfile(id);
    if (builtIn) return builtIn;
    const stored = await this.db.getRepository(PanelProfileEntity).findOneBy({ id });
    if (!stored) throw new UnknownProfileError(`unknown panel profile "${id}"`);
    return JSON.parse(stored.definition) as PanelProfile;
  }

  async exists(id: string): Promise<boolean> {
    return this.get(id).then(() => true, () => false);
  }

  async listCustom(): Promise<PanelProfile[]> {
    const rows = await this.db.getRepository(PanelProfileEntity).find({ order: { id: 'ASC' } });
    return rows.map((row) => JSON.parse(row.definition) as PanelProfile);
  }

  async saveCustom(input: unknown): Promise<PanelProfile> {
    const profile = validateCustomProfile(input);
    if (findBuiltinProfile(profile.id)) throw new Error(`"${profile.id}" is a built-in profile id; pick another`);
    await this.db.getRepository(PanelProfileEntity).save({ id: profile.id, definition: JSON.stringify(profile) });
    return profile;
  }
}

import type { DataSource } from 'typeorm';
import { NotFoundError, ValidationError } from '../core/errors.ts';
import type { AppEvents } from '../core/events.ts';
import { findBuiltinProfile, validateCustomProfile, type PanelProfile } from '../imaging/profiles.ts';
import { PanelProfileEntity } from '../storage/entities/panel-profile.ts';

/** Built-in profiles from code, custom ones from the database (the store of the panel_profiles table). */
export class ProfileStore {
  constructor(private readonly db: DataSource, private readonly events: AppEvents) {}

  /** The profile, or null when no profile has this id; a database failure is not "unknown". */
  async find(id: string): Promise<PanelProfile | null> {
    const builtIn = findBuiltinProfile(id);
    if (builtIn) return builtIn;
    const stored = await this.db.getRepository(PanelProfileEntity).findOneBy({ id });
    return stored ? (JSON.parse(stored.definition) as PanelProfile) : null;
  }

  async get(id: string): Promise<PanelProfile> {
    const profile = await this.find(id);
    if (!profile) throw new NotFoundError(`unknown panel profile "${id}"`);
    return profile;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.find(id)) !== null;
  }

  async listCustom(): Promise<PanelProfile[]> {
    const rows = await this.db.getRepository(PanelProfileEntity).find({ order: { id: 'ASC' } });
    return rows.map((row) => JSON.parse(row.definition) as PanelProfile);
  }

  /** Validates and stores a custom profile; a bad one is a ValidationError, anything else is the app's failure. */
  async saveCustom(input: unknown): Promise<PanelProfile> {
    const profile = validateCustomProfile(input);
    if (findBuiltinProfile(profile.id)) throw new ValidationError(`"${profile.id}" is a built-in profile id; pick another`);
    await this.db.getRepository(PanelProfileEntity).save({ id: profile.id, definition: JSON.stringify(profile) });
    this.events.emit('content-changed', { kind: 'profiles' });
    return profile;
  }
}

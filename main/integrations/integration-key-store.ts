import type { DataSource, Repository } from 'typeorm';
import type { IntegrationKeyDto } from '../../contract/dtos.ts';
import type { AppEvents } from '../core/events.ts';
import { hashToken, newToken, tokenMatches } from '../displays/secrets.ts';
import { SettingEntity, type Setting } from '../storage/entities/setting.ts';

/** `read`: displays' battery, signal and current screen. `control`: that, and what a display shows (message, override, next, refresh). */
export type IntegrationScope = 'read' | 'control';

const STORED: Record<IntegrationScope, { hash: string; created: string; prefix: string }> = {
  read: { hash: 'integrations.read_key_hash', created: 'integrations.read_key_created_at', prefix: 'ink_ro_' },
  control: { hash: 'integrations.control_key_hash', created: 'integrations.control_key_created_at', prefix: 'ink_ctl_' },
};

/**
 * The API keys for integrations (Home Assistant, scripts), as TRMNL's BYOS servers offer them: a
 * read-only key, and a separate control key so that giving HA the power to change a display is a
 * choice of its own. Only their hashes are kept; they are read from the database on each use, so a
 * new or revoked key counts at once in every process. Creating or revoking one announces
 * `content-changed` (settings): the Settings view shows which exist.
 */
export class IntegrationKeyStore {
  private readonly settings: Repository<Setting>;

  constructor(db: DataSource, private readonly events: AppEvents, private readonly now: () => Date) {
    this.settings = db.getRepository(SettingEntity);
  }

  /** A new key of that scope (the previous one of the scope stops working), returned this once. */
  async create(scope: IntegrationScope = 'read'): Promise<IntegrationKeyDto> {
    const { hash, created, prefix } = STORED[scope];
    const key = `${prefix}${newToken()}`;
    const createdAt = this.now().toISOString();
    await this.settings.save([{ key: hash, value: hashToken(key) }, { key: created, value: createdAt }]);
    this.events.emit('content-changed', { kind: 'settings' });
    return { configured: true, createdAt, key };
  }

  async revoke(scope: IntegrationScope = 'read'): Promise<IntegrationKeyDto> {
    await this.settings.delete([STORED[scope].hash, STORED[scope].created]);
    this.events.emit('content-changed', { kind: 'settings' });
    return this.describe(scope);
  }

  async describe(scope: IntegrationScope = 'read'): Promise<IntegrationKeyDto> {
    const created = await this.settings.findOneBy({ key: STORED[scope].created });
    return { configured: created !== null, createdAt: created?.value ?? null };
  }

  /** The scope the key grants, or null for no valid key. */
  async verify(key: string): Promise<IntegrationScope | null> {
    for (const scope of ['control', 'read'] as const) {
      const stored = await this.settings.findOneBy({ key: STORED[scope].hash });
      if (stored !== null && tokenMatches(key, stored.value)) return scope;
    }
    return null;
  }
}

import type { DataSource, Repository } from 'typeorm';
import { ValidationError } from '../core/errors.ts';
import type { AppEvents } from '../core/events.ts';
import { SettingEntity, type Setting } from '../storage/entities/setting.ts';
import { SETTING_DEFAULTS, SETTING_SCHEMAS, isSecretKey, isSettingKey, secretEnvName, type SettingKey } from './keys.ts';
import type { SecretCipher } from './secret-cipher.ts';

/** An unknown key or a value its schema refuses: the caller's mistake. */
export class SettingError extends ValidationError {}

/**
 * Typed settings over the `settings` table. Secrets are encrypted; an environment variable overrides
 * a stored secret. Every change announces `content-changed` (settings).
 */
export class SettingsStore {
  private readonly repo: Repository<Setting>;

  constructor(db: DataSource, private readonly cipher: SecretCipher, private readonly events: AppEvents, private readonly env: NodeJS.ProcessEnv = process.env) {
    this.repo = db.getRepository(SettingEntity);
  }

  async get(key: SettingKey): Promise<string | undefined> {
    if (isSecretKey(key) && this.env[secretEnvName(key)]) return this.env[secretEnvName(key)];
    const row = await this.repo.findOneBy({ key });
    if (!row) return SETTING_DEFAULTS[key];
    return isSecretKey(key) ? this.cipher.decrypt(row.value) : row.value;
  }

  async getNumber(key: SettingKey): Promise<number | undefined> {
    const value = await this.get(key);
    return value === undefined || value === '' ? undefined : Number(value);
  }

  /** Validates, then stores. An empty value for a secret removes it. */
  async set(key: string, value: string): Promise<void> {
    if (!isSettingKey(key)) throw new SettingError(`unknown setting "${key}"`);
    if (isSecretKey(key) && value === '') {
      await this.repo.delete({ key });
      this.changed();
      return;
    }
    const parsed = SETTING_SCHEMAS[key].safeParse(value);
    if (!parsed.success) throw new SettingError(`invalid value for ${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const stored = isSecretKey(key) ? this.cipher.encrypt(value) : String(value);
    await this.repo.save({ key, value: stored });
    this.changed();
  }

  private changed(): void {
    this.events.emit('content-changed', { kind: 'settings' });
  }

  /** Every known key with its value; secrets show only whether they are set. */
  async list(): Promise<{ key: SettingKey; value: string | null; secret: boolean; isSet: boolean }[]> {
    const keys = Object.keys(SETTING_SCHEMAS) as SettingKey[];
    const out = [];
    for (const key of keys) {
      const value = await this.get(key);
      const secret = isSecretKey(key);
      out.push({ key, value: secret ? null : value ?? null, secret, isSet: value !== undefined && value !== '' });
    }
    return out;
  }
}

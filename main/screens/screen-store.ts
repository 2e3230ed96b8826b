import crypto from 'node:crypto';
import type { DataSource, Repository } from 'typeorm';
import { fieldValuesSchema, refreshMinutesSchema, screenPatchSchema, type FieldValue, type ScreenPatch } from '../../contract/screens.ts';
import type { AppEvents } from '../core/events.ts';
import { ScreenEntity, type ScreenRow } from '../storage/entities/screen.ts';
import { NotFoundError } from '../core/errors.ts';

export type Strategy = 'polling' | 'webhook' | 'static';

/** A screen as the rest of main uses it: JSON columns parsed. */
export interface Screen {
  id: number;
  uuid: string;
  name: string;
  builtinId: string | null;
  strategy: Strategy;
  refreshMinutes: number;
  fieldValues: Record<string, FieldValue>;
  pollingUrl: string | null;
  data: unknown;
  dataFetchedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
}

export interface NewScreen {
  uuid?: string;
  name: string;
  builtinId: string | null;
  strategy: Strategy;
  refreshMinutes: number;
  fieldValues: Record<string, FieldValue>;
  /** Static recipes carry their data from the start. */
  data?: unknown;
}

/** How data is kept as text; the app uses the recipes' codec, which keeps Ruby's floats floats. */
export interface DataCodec {
  serialize(data: unknown): string;
  parse(text: string): unknown;
}

const JSON_CODEC: DataCodec = { serialize: (data) => JSON.stringify(data), parse: (text) => JSON.parse(text) };

export class ScreenNotFoundError extends NotFoundError {
  constructor(id: number | string) {
    super(`no screen with id ${id}`);
  }
}

/** The one owner of the `screens` table: validates, writes only the columns it changes, and announces every write. */
export class ScreenStore {
  private readonly rows: Repository<ScreenRow>;

  constructor(db: DataSource, private readonly events: AppEvents, private readonly now: () => Date, private readonly codec: DataCodec = JSON_CODEC) {
    this.rows = db.getRepository(ScreenEntity);
  }

  static newUuid(): string {
    return crypto.randomUUID();
  }

  async list(): Promise<Screen[]> {
    return (await this.rows.find({ order: { id: 'ASC' } })).map((row) => this.toScreen(row));
  }

  async find(id: number): Promise<Screen | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? this.toScreen(row) : null;
  }

  async get(id: number): Promise<Screen> {
    const screen = await this.find(id);
    if (!screen) throw new ScreenNotFoundError(id);
    return screen;
  }

  async findByUuid(uuid: string): Promise<Screen | null> {
    const row = await this.rows.findOneBy({ uuid });
    return row ? this.toScreen(row) : null;
  }

  async create(input: NewScreen): Promise<Screen> {
    const fieldValues = fieldValuesSchema.parse(input.fieldValues);
    const { identifiers } = await this.rows.insert({
      uuid: input.uuid ?? ScreenStore.newUuid(),
      name: input.name.trim().slice(0, 100) || 'Screen',
      builtinId: input.builtinId,
      strategy: input.strategy,
      refreshMinutes: refreshMinutesSchema.parse(input.refreshMinutes),
      fieldValues: JSON.stringify(fieldValues),
      pollingUrl: null,
      data: input.data === undefined ? null : this.codec.serialize(input.data),
      dataFetchedAt: input.data === undefined ? null : this.now(),
      lastError: null,
      lastErrorAt: null,
      createdAt: this.now(),
    });
    const id = Number(identifiers[0].id);
    this.events.emit('screens-changed', { kind: 'screen', id });
    return this.get(id);
  }

  /** Applies a validated patch; field values merge into the stored ones (null removes one). */
  async update(id: number, patch: ScreenPatch): Promise<Screen> {
    const valid = screenPatchSchema.parse(patch);
    const screen = await this.get(id);
    const changes: Partial<ScreenRow> = {};
    if (valid.name !== undefined) changes.name = valid.name;
    if (valid.refreshMinutes !== undefined) changes.refreshMinutes = valid.refreshMinutes;
    if (valid.pollingUrl !== undefined) changes.pollingUrl = valid.pollingUrl;
    if (valid.fieldValues) {
      const merged: Record<string, FieldValue> = { ...screen.fieldValues };
      for (const [key, value] of Object.entries(valid.fieldValues)) {
        if (value === null) delete merged[key];
        else merged[key] = value;
      }
      changes.fieldValues = JSON.stringify(merged);
    }
    if (Object.keys(changes).length > 0) await this.rows.update(id, changes);
    this.events.emit('screens-changed', { kind: 'screen', id });
    return this.get(id);
  }

  /** New good data: kept, and the last error cleared. */
  async saveData(id: number, data: unknown, at = this.now()): Promise<void> {
    await this.rows.update(id, { data: this.codec.serialize(data), dataFetchedAt: at, lastError: null, lastErrorAt: null });
    this.events.emit('screens-changed', { kind: 'screen', id });
  }

  /** A failed fetch or render: the last good data stays, the error shows on the screen's entry. */
  async saveError(id: number, message: string, at = this.now()): Promise<void> {
    // The same error again (a render retried while a display waits) is not news: no write, no event that would start another retry.
    const current = await this.rows.findOne({ where: { id }, select: { id: true, lastError: true } });
    if (current?.lastError === message.slice(0, 2000)) return;
    await this.rows.update(id, { lastError: message.slice(0, 2000), lastErrorAt: at });
    this.events.emit('screens-changed', { kind: 'screen', id });
  }

  async delete(id: number): Promise<void> {
    await this.get(id);
    await this.rows.delete({ id });
    this.events.emit('screens-changed', { kind: 'screen', id });
  }

  private toScreen(row: ScreenRow): Screen {
    return {
      ...row,
      strategy: row.strategy as Strategy,
      fieldValues: JSON.parse(row.fieldValues) as Record<string, FieldValue>,
      data: row.data === null ? null : this.codec.parse(row.data),
    };
  }
}

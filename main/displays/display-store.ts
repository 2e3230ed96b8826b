import { In, IsNull, Not, type DataSource, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';
import { displayPatchSchema, weeklyRulesSchema, type DisplayPatch } from '../../contract/display-schemas.ts';
import type { ItemMode } from '../../contract/dtos.ts';
import type { DisplayChange } from '../../contract/events.ts';
import { parseInput, ValidationError, found } from '../core/errors.ts';
import type { AppEvents } from '../core/events.ts';
import { DisplayEntity, type Display, type DisplayMode, type SpecialFunction } from '../storage/entities/display.ts';
import { OverrideEntity, WeeklyRuleEntity, type Override, type WeeklyRule } from '../storage/entities/schedule.ts';
import { findRuleOverlap } from './schedule.ts';
import { TelemetryStatement, type TelemetryRow } from './telemetry-statement.ts';

/** A display with the schedule that decides its mode. */
export interface ScheduledDisplay {
  display: Display;
  rules: WeeklyRule[];
  override: Override | null;
}

/** Columns the server itself sets (pairing, device requests), written without user validation. */
export type DisplayColumns = Partial<Omit<Display, 'id' | 'hardwareId' | 'humanId' | 'createdAt'>>;
export type NewDisplay = Omit<Display, 'id'>;

export interface DisplayStoreDeps {
  db: DataSource;
  events: AppEvents;
  /** Whether a panel profile id names a profile (built-in or custom). */
  profileExists(id: string): Promise<boolean>;
}

/**
 * The one owner of the displays, weekly_rules and overrides tables. Every write touches only the
 * columns it changes, so two writers never undo each other (a whole-row save of a stale copy did:
 * the lost update of issue 18), and every write announces itself with `displays-changed`.
 */
export class DisplayStore {
  private readonly displays: Repository<Display>;
  private readonly rules: Repository<WeeklyRule>;
  private readonly overrides: Repository<Override>;
  private readonly telemetry: TelemetryStatement;

  constructor(private readonly deps: DisplayStoreDeps) {
    this.displays = deps.db.getRepository(DisplayEntity);
    this.rules = deps.db.getRepository(WeeklyRuleEntity);
    this.overrides = deps.db.getRepository(OverrideEntity);
    this.telemetry = new TelemetryStatement(deps.db);
  }

  byId(id: number): Promise<Display | null> {
    return this.displays.findOneBy({ id });
  }

  /** The display with this id, or a NotFoundError. */
  async get(id: number): Promise<Display> {
    return found(await this.byId(id), 'display', id);
  }

  byHardwareId(hardwareId: string): Promise<Display | null> {
    return this.displays.findOneBy({ hardwareId });
  }

  byHumanId(humanId: string): Promise<Display | null> {
    return this.displays.findOneBy({ humanId });
  }

  byTokenHash(tokenHash: string): Promise<Display | null> {
    return this.displays.findOneBy({ tokenHash });
  }

  /** A display named by its numeric id or human id (and, with `hardwareId`, its hardware id). */
  async byRef(ref: string, options: { hardwareId?: boolean } = {}): Promise<Display | null> {
    return (/^\d+$/.test(ref) ? await this.byId(Number(ref)) : null)
      ?? (ref ? await this.byHumanId(ref) : null)
      ?? (options.hardwareId && ref ? await this.byHardwareId(ref) : null);
  }

  list(): Promise<Display[]> {
    return this.displays.find({ order: { id: 'ASC' } });
  }

  approved(): Promise<Display[]> {
    return this.displays.findBy({ status: 'approved' });
  }

  /** Approved displays that have polled at least once: those that can fall silent. */
  heardFrom(): Promise<Display[]> {
    return this.displays.findBy({ status: 'approved', lastSeen: Not(IsNull()) });
  }

  countPending(): Promise<number> {
    return this.displays.countBy({ status: 'pending' });
  }

  async scheduled(id: number): Promise<ScheduledDisplay> {
    const [display, rules, override] = await Promise.all([this.get(id), this.rules.findBy({ displayId: id }), this.overrides.findOneBy({ displayId: id })]);
    return { display, rules, override };
  }

  /** Displays with their schedules in three queries, however many there are. */
  async listScheduled(displays?: Display[]): Promise<ScheduledDisplay[]> {
    const rows = displays ?? (await this.list());
    const ids = rows.map((d) => d.id);
    const [rules, overrides] = await Promise.all([this.rules.findBy({ displayId: In(ids) }), this.overrides.findBy({ displayId: In(ids) })]);
    return rows.map((display) => ({
      display,
      rules: rules.filter((r) => r.displayId === display.id),
      override: overrides.find((o) => o.displayId === display.id) ?? null,
    }));
  }

  async create(display: NewDisplay): Promise<Display> {
    const saved = await this.displays.save(this.displays.create(display));
    this.changed(saved.id);
    return saved;
  }

  /** A user's change to a display's settings, validated (DisplayPatch in contract/). */
  async update(id: number, input: DisplayPatch | unknown): Promise<Display> {
    const patch = parseInput(displayPatchSchema, input, 'patch');
    if (patch.profileId && !(await this.deps.profileExists(patch.profileId))) throw new ValidationError(`profileId: unknown panel profile "${patch.profileId}"`);
    const { buttonMap, pictureSettings, specialFunction, ...plain } = patch;
    return this.write(id, {
      ...plain,
      ...(buttonMap ? { buttonMap: JSON.stringify(buttonMap) } : {}),
      ...(pictureSettings ? { pictureSettings: JSON.stringify(pictureSettings) } : {}),
      ...(specialFunction ? { specialFunction: specialFunction as SpecialFunction } : {}),
    });
  }

  /** Columns the server sets (status, token, pairing code, reset request, message text). */
  async write(id: number, columns: DisplayColumns): Promise<Display> {
    await this.get(id);
    if (Object.keys(columns).length > 0) await this.displays.update({ id }, columns);
    this.changed(id);
    return this.get(id);
  }

  /** The photo a display shows now, and since when; `variantId` undefined keeps the photo and restarts its time. */
  async markShowing(id: number, variantId: number | null | undefined, since: Date): Promise<void> {
    await this.displays.update({ id }, variantId === undefined ? { currentSince: since } : { currentVariantId: variantId, currentSince: since });
    this.changed(id, 'showing');
  }

  async setRules(id: number, input: unknown): Promise<WeeklyRule[]> {
    const parsed = parseInput(weeklyRulesSchema, input, 'rules');
    const overlap = findRuleOverlap(parsed);
    if (overlap) throw new ValidationError(overlap);
    await this.get(id);
    const saved = await this.deps.db.transaction(async (tx) => {
      await tx.getRepository(WeeklyRuleEntity).delete({ displayId: id });
      return tx.getRepository(WeeklyRuleEntity).save(parsed.map((r) => ({ ...r, displayId: id })));
    });
    this.changed(id);
    return saved;
  }

  /** `itemId`: the screen, mashup or playlist an item mode shows (checked by the caller). */
  async setOverride(id: number, mode: DisplayMode, until: Date, now: Date, itemId: number | null = null): Promise<void> {
    await this.overrides.save({ displayId: id, mode, itemId, until, createdAt: now });
    this.changed(id);
  }

  /** Where a display is in its playlist: the content's own bookkeeping, like markShowing. */
  async markPlaylistPlace(id: number, position: number, since: Date): Promise<void> {
    await this.displays.update({ id }, { playlistPosition: position, playlistSince: since });
    this.changed(id, 'showing');
  }

  /** The names of the displays whose default mode, weekly rules or override show this screen, mashup or playlist. */
  async namesShowing(mode: ItemMode, itemId: number): Promise<string[]> {
    const [byDefault, rules, overrides] = await Promise.all([
      this.displays.findBy({ defaultMode: mode, defaultItemId: itemId }),
      this.rules.findBy({ mode, itemId }),
      this.overrides.findBy({ mode, itemId }),
    ]);
    const ids = [...new Set([...byDefault.map((d) => d.id), ...rules.map((r) => r.displayId), ...overrides.map((o) => o.displayId)])];
    const displays = ids.length ? await this.displays.findBy({ id: In(ids) }) : [];
    return displays.map((display) => `display "${display.name}"`);
  }

  async clearOverride(id: number): Promise<void> {
    await this.overrides.delete({ displayId: id });
    this.changed(id);
  }

  /** Removes the display; its rules, override and picture assignment go with it (foreign keys cascade). */
  async remove(id: number): Promise<void> {
    await this.displays.delete({ id });
    this.changed(id, 'removed');
  }

  /**
   * Marks the display's current outage (the silence since its last-seen time) as announced, only if
   * nobody did yet: false when it already was (here, after a restart, or by another node).
   */
  async markOutageAnnounced(display: Pick<Display, 'id' | 'lastSeen' | 'offlineNotifiedFor'>): Promise<boolean> {
    if (!display.lastSeen || display.offlineNotifiedFor?.getTime() === display.lastSeen.getTime()) return false;
    const where: FindOptionsWhere<Display> = { id: display.id, lastSeen: display.lastSeen, offlineNotifiedFor: display.offlineNotifiedFor ?? IsNull() };
    const claimed = (await this.displays.update(where, { offlineNotifiedFor: display.lastSeen })).affected === 1;
    // Device bookkeeping like last-seen: nothing a picture or a token depends on.
    if (claimed) this.changed(display.id, 'telemetry');
    return claimed;
  }

  /** One batch of last-seen times and device telemetry, in one transaction (telemetry.ts decides when). */
  async writeTelemetry(rows: TelemetryRow[], alsoInTransaction?: (tx: EntityManager) => Promise<void>): Promise<void> {
    if (rows.length === 0) return;
    await this.telemetry.run(rows, alsoInTransaction);
    this.deps.events.emit('displays-changed', { displayIds: rows.map((row) => row.displayId), change: 'telemetry' });
  }

  private changed(displayId: number, change?: DisplayChange): void {
    this.deps.events.emit('displays-changed', change ? { displayId, change } : { displayId });
  }
}

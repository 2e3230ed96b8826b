import { MoreThan, type DataSource, type Repository } from 'typeorm';
import { calendarInputSchema, calendarPatchSchema, type CalendarInput } from '../../contract/calendar-schemas.ts';
import { found, parseInput, ValidationError } from '../core/errors.ts';
import type { AppEvents } from '../core/events.ts';
import { CalendarEntity, OccurrenceEntity, type Calendar, type Occurrence } from '../storage/entities/calendar.ts';
import type { ExpandedOccurrence, Expansion } from './expand.ts';
import { listOccurrences, recordCalendarError, replaceOccurrences } from './occurrences.ts';

export const CALENDAR_COLOURS = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b'];

/**
 * The calendars the user subscribed to and their fetched occurrences. Every write (adding,
 * changing, removing, a fetch stored or failed) announces `content-changed` (calendar), so
 * dashboards and the Dashboard view catch up.
 */
export class CalendarStore {
  private readonly calendars: Repository<Calendar>;
  private readonly occurrenceRows: Repository<Occurrence>;

  constructor(private readonly deps: { db: DataSource; events: AppEvents }) {
    this.calendars = deps.db.getRepository(CalendarEntity);
    this.occurrenceRows = deps.db.getRepository(OccurrenceEntity);
  }

  list(options: { enabledOnly?: boolean } = {}): Promise<Calendar[]> {
    return this.calendars.find({ where: options.enabledOnly ? { enabled: true } : {}, order: { id: 'ASC' } });
  }

  async get(id: number): Promise<Calendar> {
    return found(await this.calendars.findOneBy({ id }), 'calendar', id);
  }

  /** The stored occurrences (occurrences.ts holds the queries). */
  occurrences(query: Parameters<typeof listOccurrences>[1] = {}): ReturnType<typeof listOccurrences> {
    return listOccurrences(this.deps.db, query);
  }

  /** Occurrences of the calendar that have not ended by `now`. */
  upcomingCount(calendarId: number, now: Date): Promise<number> {
    return this.occurrenceRows.countBy({ calendarId, endAt: MoreThan(now) });
  }

  async add(input: CalendarInput | unknown, now: Date): Promise<Calendar> {
    const parsed = parseInput(calendarInputSchema, input, 'calendar');
    if (await this.calendars.existsBy({ name: parsed.name })) throw new ValidationError(`name: there is already a calendar called "${parsed.name}"`);
    const color = parsed.color ?? CALENDAR_COLOURS[(await this.calendars.count()) % CALENDAR_COLOURS.length];
    const inserted = await this.calendars.insert({ name: parsed.name, url: parsed.url, color, enabled: true, createdAt: now, lastFetchedAt: null, lastError: null, lastSkipped: null, lastNotes: null });
    this.changed();
    return this.calendars.findOneByOrFail({ id: inserted.identifiers[0].id });
  }

  async update(id: number, input: unknown): Promise<Calendar> {
    const change = parseInput(calendarPatchSchema, input, 'calendar');
    await this.get(id);
    if (Object.keys(change).length > 0) await this.calendars.update({ id }, change);
    this.changed();
    return this.get(id);
  }

  /** Removes the calendar and its occurrences (the foreign key cascades); false when there is no calendar of that name. */
  async removeByName(name: string): Promise<boolean> {
    const result = await this.calendars.delete({ name });
    const removed = (result.affected ?? 0) > 0;
    if (removed) this.changed();
    return removed;
  }

  /** Stores a readable download of the calendar: its occurrences replace the stored ones, its report the last one. */
  async replaceOccurrences(calendarId: number, occurrences: readonly ExpandedOccurrence[], fetchedAt: Date, report?: Pick<Expansion, 'skipped' | 'notes'> & { warning?: string }): Promise<void> {
    await replaceOccurrences(this.deps.db, calendarId, occurrences, fetchedAt, report);
    this.changed();
  }

  /** Remembers why the calendar could not be updated; its occurrences stay as they were. */
  async recordError(calendarId: number, message: string): Promise<void> {
    await recordCalendarError(this.deps.db, calendarId, message);
    this.changed();
  }

  private changed(): void {
    this.deps.events.emit('content-changed', { kind: 'calendar' });
  }
}

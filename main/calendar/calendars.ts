import { z } from 'zod';
import type { DataSource } from 'typeorm';
import { ValidationError } from '../admin/errors.ts';
import { CalendarEntity, type Calendar } from '../storage/entities/calendar.ts';

export const CALENDAR_COLOURS = ['#1e88e5', '#e53935', '#43a047', '#fb8c00', '#8e24aa', '#00897b'];

const INPUT = z.object({
  name: z.string().trim().min(1, 'give the calendar a name').max(100),
  url: z.string().trim().url('not a URL').refine((u) => /^(https?|webcal):\/\//i.test(u), 'an ICS feed URL starts with http://, https:// or webcal://'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1e88e5').optional(),
});

export type CalendarInput = z.input<typeof INPUT>;

/** The URL to fetch: webcal:// is how feeds are offered for subscribing, the feed itself is HTTPS. */
export function feedUrl(url: string): string {
  return url.replace(/^webcal:\/\//i, 'https://');
}

export async function addCalendar(db: DataSource, raw: CalendarInput, now: Date): Promise<Calendar> {
  const parsed = INPUT.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(`${issue?.path.join('.') || 'calendar'}: ${issue?.message ?? 'invalid'}`);
  }
  const repo = db.getRepository(CalendarEntity);
  const input = parsed.data;
  if (await repo.existsBy({ name: input.name })) throw new ValidationError(`name: there is already a calendar called "${input.name}"`);
  const color = input.color ?? CALENDAR_COLOURS[(await repo.count()) % CALENDAR_COLOURS.length];
  const inserted = await repo.insert({ name: input.name, url: input.url, color, enabled: true, createdAt: now, lastFetchedAt: null, lastError: null, lastSkipped: null, lastNotes: null });
  return repo.findOneByOrFail({ id: inserted.identifiers[0].id });
}

export async function listCalendars(db: DataSource, options: { enabledOnly?: boolean } = {}): Promise<Calendar[]> {
  return db.getRepository(CalendarEntity).find({ where: options.enabledOnly ? { enabled: true } : {}, order: { id: 'ASC' } });
}

/** Removes the calendar and its occurrences; false when there is no calendar of that name. */
export async function removeCalendar(db: DataSource, name: string): Promise<boolean> {
  const result = await db.getRepository(CalendarEntity).delete({ name });
  return (result.affected ?? 0) > 0;
}

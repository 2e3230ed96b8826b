import { z } from 'zod';

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'use a colour like #1e88e5');

/** A calendar to subscribe to (admin `calendars.add`, `inkstand calendar add`). */
export const calendarInputSchema = z.object({
  name: z.string().trim().min(1, 'give the calendar a name').max(100),
  url: z.string().trim().url('not a URL')
    .refine((u) => /^(https?|webcal|caldavs?):\/\//i.test(u), 'an ICS feed URL starts with http://, https:// or webcal://; a CalDAV calendar is caldavs://USER:PASSWORD@HOST/PATH#CALENDAR')
    .refine((u) => !/^caldavs?:\/\//i.test(u) || /^caldavs?:\/\/[^/@:]+:[^/@]+@/i.test(u), 'a CalDAV calendar URL carries the user and password: caldavs://USER:PASSWORD@HOST/PATH#CALENDAR'),
  color: colour.optional(),
});
export type CalendarInput = z.input<typeof calendarInputSchema>;

export const calendarPatchSchema = z.object({ enabled: z.boolean().optional(), color: colour.optional(), name: z.string().trim().min(1).max(100).optional() }).strict();

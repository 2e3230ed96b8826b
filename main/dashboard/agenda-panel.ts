import { type AgendaDay, type AgendaEntry, type AgendaMetrics, entryHeight, fitAgenda } from './agenda.ts';
import { type DrawContext, textStyle } from './context.ts';
import { box, type El, line } from './elements.ts';
import { nearestInk } from './palette.ts';
import { headingHeight, sectionHeading } from './section-heading.ts';

export const NOTHING_ON_CALENDAR = 'Nothing on the calendar';
export const NOTHING_MORE_TODAY = 'Nothing more today';

/** Every row of the agenda has a fixed height, so what fits is known before layout. */
function agendaMetrics(ctx: DrawContext): AgendaMetrics {
  const { px } = ctx;
  return { heading: headingHeight(ctx), entry: px(27), entryWithDetail: px(45), note: px(26) };
}

/** Today and the coming days, as many entries as fit the box, then "+N more". */
export function agendaPanel(ctx: DrawContext, days: AgendaDay[], width: number, height: number): El {
  if (days.every((day) => day.entries.length === 0)) {
    return box({ width, height, flexDirection: 'column' }, [
      sectionHeading(ctx, 'Calendar', ctx.theme.accent, width),
      line(NOTHING_ON_CALENDAR, { ...textStyle(ctx, 20), width }),
    ]);
  }
  const metrics = agendaMetrics(ctx);
  const fitted = fitAgenda(days, height, metrics);
  return box({ width, height, flexDirection: 'column' }, [
    ...fitted.days.flatMap((day) => [
      dayHeading(ctx, day, width),
      ...(day.isToday && fitted.nothingToday ? [note(ctx, NOTHING_MORE_TODAY, width, metrics)] : []),
      ...day.entries.map((entry) => entryRow(ctx, entry, width, metrics)),
    ]),
    fitted.hiddenCount > 0 && note(ctx, `+${fitted.hiddenCount} more`, width, metrics),
  ]);
}

function dayHeading(ctx: DrawContext, day: AgendaDay, width: number): El {
  return sectionHeading(ctx, day.heading, day.isToday ? ctx.theme.accent : ctx.theme.ink, width);
}

function note(ctx: DrawContext, text: string, width: number, metrics: AgendaMetrics): El {
  return box({ width, height: metrics.note, flexShrink: 0, alignItems: 'center' }, [line(text, { ...textStyle(ctx, 16), width })]);
}

function entryRow(ctx: DrawContext, entry: AgendaEntry, width: number, metrics: AgendaMetrics): El {
  const { px } = ctx;
  const detail = [entry.until, entry.location].filter(Boolean).join(' · ');
  const slotWidth = px(82);
  const markWidth = px(6);
  const textWidth = width - slotWidth - markWidth - px(10);
  return box({ width, height: entryHeight(entry, metrics), flexShrink: 0, flexDirection: 'row', paddingTop: px(3) }, [
    box({ width: markWidth, height: px(19), marginTop: px(1), marginRight: px(10), backgroundColor: nearestInk(entry.calendarColor, ctx.canvas), borderRadius: px(2) }),
    line(entry.slot, { ...textStyle(ctx, 16, { weight: 700 }), width: slotWidth, flexShrink: 0, paddingRight: px(8) }),
    box({ flexDirection: 'column', width: textWidth }, [
      line(entry.title, { ...textStyle(ctx, 17), width: textWidth }),
      detail ? line(detail, { ...textStyle(ctx, 14), width: textWidth }) : null,
    ]),
  ]);
}

import type { DashboardData } from './types.ts';
import { buildAgenda } from './agenda.ts';
import { agendaPanel } from './agenda-panel.ts';
import { longDate, timeOfDay } from './clock.ts';
import { type DrawContext, pageStyle, textStyle } from './context.ts';
import { box, type El, line } from './elements.ts';
import { systemPanel } from './system-panel.ts';
import { weatherPanel } from './weather-panel.ts';
import { weatherView } from './weather-view.ts';

/**
 * The dashboard's element tree. Every block gets an explicit size, computed here, so the
 * agenda knows how many rows fit and nothing depends on how text happens to wrap.
 *
 * Landscape: header / weather | agenda / system.   Portrait: header / weather / agenda / system.
 */
export function dashboardTree(data: DashboardData, ctx: DrawContext): El {
  const { px, portrait, theme } = ctx;
  const { width, height } = ctx.canvas;
  const margin = px(portrait ? 20 : 24);
  const gap = px(12);
  const rule = px(3);
  const contentWidth = width - 2 * margin;
  const headerHeight = px(40);
  const systemHeight = px(portrait ? 110 : 52);
  const bodyHeight = height - 2 * margin - headerHeight - systemHeight - 2 * (rule + 2 * gap);

  const weather = weatherView(data.weather, data.now, ctx.clock);
  const agenda = buildAgenda(data.events, data.now, ctx.clock);
  const hRule = box({ width: contentWidth, height: rule, backgroundColor: theme.ink, marginTop: gap, marginBottom: gap, flexShrink: 0 });

  let body: El;
  if (portrait) {
    const weatherHeight = px(240);
    const agendaHeight = bodyHeight - weatherHeight - 2 * gap - px(2);
    body = box({ flexDirection: 'column', width: contentWidth, height: bodyHeight }, [
      weatherPanel(ctx, weather, contentWidth, weatherHeight),
      box({ width: contentWidth, height: px(2), backgroundColor: theme.ink, marginTop: gap, marginBottom: gap }),
      agendaPanel(ctx, agenda, contentWidth, agendaHeight),
    ]);
  } else {
    const columnGap = px(32);
    const weatherWidth = Math.round((contentWidth - columnGap) * 0.44);
    const agendaWidth = contentWidth - columnGap - weatherWidth;
    body = box({ flexDirection: 'row', width: contentWidth, height: bodyHeight, justifyContent: 'space-between' }, [
      weatherPanel(ctx, weather, weatherWidth, bodyHeight),
      box({ width: px(2), height: bodyHeight, backgroundColor: theme.ink }),
      agendaPanel(ctx, agenda, agendaWidth, bodyHeight),
    ]);
  }

  return box({ ...pageStyle(ctx), flexDirection: 'column', padding: margin }, [
    line(`${longDate(data.now, ctx.clock)} · ${timeOfDay(data.now, ctx.clock)}`, {
      ...textStyle(ctx, 28, { weight: 700, lineHeight: 1.4 }),
      width: contentWidth,
      height: headerHeight,
    }),
    hRule,
    body,
    hRule,
    systemPanel(ctx, data.stats, contentWidth, systemHeight),
  ]);
}

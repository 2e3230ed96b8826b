import { type DrawContext, textStyle } from './context.ts';
import { box, type El, image, line, paragraph, type Style } from './elements.ts';
import { headingHeight, sectionHeading } from './section-heading.ts';
import { weatherIconUri } from './weather-icons.ts';
import type { ForecastDay, WeatherView } from './weather-view.ts';

export const NO_WEATHER = 'No weather yet — set a location in Settings';

// Heights in design units.
const HERO = 84;
const STATS_ROW = 50;
/** Portrait: the headline with the stats beside it. */
const PORTRAIT_TODAY = 96;
/** The rule and padding above the forecast. */
const FORECAST_TOP = 12;
const LIST_ROW = 40;

/**
 * Location, current weather and the next days in a box of the given size. The next days are a
 * strip of five columns, or, where the box is tall enough, a list with a line per day.
 */
export function weatherPanel(ctx: DrawContext, view: WeatherView | null, width: number, height: number): El {
  const { px } = ctx;
  if (!view) {
    return box({ width, height, flexDirection: 'column' }, [
      sectionHeading(ctx, 'Weather', ctx.theme.accent, width),
      paragraph(NO_WEATHER, 3, { ...textStyle(ctx, 20), width }),
    ]);
  }
  const todayHeight = ctx.portrait ? px(PORTRAIT_TODAY) : px(HERO) + px(STATS_ROW);
  const today = ctx.portrait
    ? box({ flexDirection: 'row', width, height: todayHeight, alignItems: 'center' }, [hero(ctx, view, width - px(190)), statsList(ctx, view, px(190))])
    : box({ flexDirection: 'column', width, height: todayHeight }, [hero(ctx, view, width), statsRow(ctx, view, width)]);
  const spare = height - headingHeight(ctx) - todayHeight - px(FORECAST_TOP);
  return box({ width, height, flexDirection: 'column', justifyContent: 'space-between' }, [
    box({ flexDirection: 'column', width }, [locationHeading(ctx, view, width), today]),
    forecast(ctx, view.forecast, width, Math.floor(spare / px(LIST_ROW))),
  ]);
}

/** A list when at least five lines fit, else a strip of five days; nothing without days. */
function forecast(ctx: DrawContext, days: ForecastDay[], width: number, listRowsThatFit: number): El | null {
  if (days.length === 0) return null;
  if (listRowsThatFit >= 5) return forecastList(ctx, days.slice(0, listRowsThatFit), width);
  return forecastStrip(ctx, days.slice(0, 5), width);
}

function locationHeading(ctx: DrawContext, view: WeatherView, width: number): El {
  const { px, theme } = ctx;
  // Old data is flagged in reverse (paper on accent) so it cannot be missed.
  const badge = view.ageLabel
    ? line(view.ageLabel, {
        ...textStyle(ctx, 14, { weight: 700, color: theme.paper, lineHeight: 1.2 }),
        backgroundColor: theme.accent,
        borderRadius: px(3),
        paddingLeft: px(6),
        paddingRight: px(6),
        marginLeft: px(10),
        flexShrink: 0,
      })
    : null;
  return sectionHeading(ctx, view.location, theme.accent, width, badge);
}

function hero(ctx: DrawContext, view: WeatherView, width: number): El {
  const { px } = ctx;
  const iconSize = px(80);
  return box({ flexDirection: 'row', alignItems: 'center', width, height: px(HERO) }, [
    image(weatherIconUri(view.headline.condition.icon, ctx.theme), iconSize, iconSize, { marginRight: px(12) }),
    box({ flexDirection: 'column', flexGrow: 1, flexShrink: 1, minWidth: 0 }, [
      line(view.headline.temperature, { ...textStyle(ctx, 56, { weight: 700, lineHeight: 1.05 }), letterSpacing: -px(2) }),
      line(view.headline.condition.label, textStyle(ctx, 18)),
    ]),
  ]);
}

interface Stat {
  caption: string;
  value: string;
  /** Long values (wind) give way first when the row is narrow. */
  yields?: boolean;
}

function stats(view: WeatherView, joinHighLow: boolean): Stat[] {
  const highLow: (Stat | null)[] =
    joinHighLow && view.high && view.low
      ? [{ caption: 'High / low', value: `${view.high} / ${view.low}` }]
      : [view.high ? { caption: 'High', value: view.high } : null, view.low ? { caption: 'Low', value: view.low } : null];
  const all = [
    ...highLow,
    view.rain ? { caption: 'Rain', value: view.rain } : null,
    view.wind ? { caption: 'Wind', value: view.wind, yields: true } : null,
  ];
  return all.filter((s): s is Stat => s !== null);
}

/** Landscape: High, Low, Rain and Wind side by side under the headline. */
function statsRow(ctx: DrawContext, view: WeatherView, width: number): El {
  const { px } = ctx;
  return box(
    { flexDirection: 'row', width, height: px(STATS_ROW), paddingTop: px(6), gap: px(18) },
    stats(view, false).map((stat) =>
      box({ flexDirection: 'column', minWidth: 0, flexShrink: stat.yields ? 1 : 0 }, [
        line(stat.caption, textStyle(ctx, 14, { color: ctx.theme.accent })),
        line(stat.value, textStyle(ctx, 19, { weight: 700 })),
      ]),
    ),
  );
}

/** Portrait: the same, one per line, beside the headline. */
function statsList(ctx: DrawContext, view: WeatherView, width: number): El {
  const { px } = ctx;
  const captionWidth = px(82);
  return box(
    { flexDirection: 'column', width, flexShrink: 0 },
    stats(view, true).map((stat) =>
      box({ flexDirection: 'row', width, alignItems: 'baseline', height: px(28) }, [
        line(stat.caption, { ...textStyle(ctx, 14, { color: ctx.theme.accent }), width: captionWidth, flexShrink: 0 }),
        line(stat.value, { ...textStyle(ctx, 18, { weight: 700 }), width: width - captionWidth }),
      ]),
    ),
  );
}

function forecastTop(ctx: DrawContext, width: number): Style {
  return { width, borderTop: `${ctx.px(2)}px solid ${ctx.theme.ink}`, paddingTop: ctx.px(FORECAST_TOP - 2) };
}

function forecastStrip(ctx: DrawContext, days: ForecastDay[], width: number): El {
  const { px } = ctx;
  const iconSize = px(32);
  return box(
    { ...forecastTop(ctx, width), flexDirection: 'row' },
    days.map((day) =>
      box({ flexDirection: 'column', alignItems: 'center', flexGrow: 1, flexBasis: 0, minWidth: 0 }, [
        line(day.weekday, textStyle(ctx, 15, { weight: 700 })),
        image(weatherIconUri(day.condition.icon, ctx.theme), iconSize, iconSize, { marginTop: px(1), marginBottom: px(1) }),
        // Two wide temperatures ("-29° -40°") take a line each rather than being cut.
        box({ flexDirection: 'row', flexWrap: 'wrap', justifyContent: 'center', columnGap: px(5), width: '100%' }, [
          line(day.high, textStyle(ctx, 16, { weight: 700 })),
          line(day.low, textStyle(ctx, 16)),
        ]),
        day.rain ? line(day.rain, textStyle(ctx, 14, { color: ctx.theme.cool })) : null,
      ]),
    ),
  );
}

function forecastList(ctx: DrawContext, days: ForecastDay[], width: number): El {
  const { px } = ctx;
  const iconSize = px(32);
  const rowHeight = px(LIST_ROW);
  return box(
    { ...forecastTop(ctx, width), flexDirection: 'column' },
    days.map((day) =>
      box({ flexDirection: 'row', alignItems: 'center', width, height: rowHeight, gap: px(10) }, [
        line(day.weekday, { ...textStyle(ctx, 17, { weight: 700 }), width: px(44), flexShrink: 0 }),
        image(weatherIconUri(day.condition.icon, ctx.theme), iconSize, iconSize),
        line(day.condition.label, { ...textStyle(ctx, 16), flexGrow: 1, flexShrink: 1, minWidth: 0 }),
        box({ flexDirection: 'row', gap: px(5), flexShrink: 0 }, [line(day.high, textStyle(ctx, 17, { weight: 700 })), line(day.low, textStyle(ctx, 17))]),
        line(day.rain ?? '', { ...textStyle(ctx, 15, { color: ctx.theme.cool }), width: px(42), flexShrink: 0, textAlign: 'right' }),
      ]),
    ),
  );
}

import type { SystemStatus } from './types.ts';
import { type DrawContext, textStyle } from './context.ts';
import { box, type El, image, line } from './elements.ts';
import { sparklineUri } from './sparkline.ts';

export const NO_STATS = 'No system stats yet';

/** CPU, memory and disk use as bars, and CPU and network over the last hour as sparklines. */
export function systemPanel(ctx: DrawContext, stats: SystemStatus | null, width: number, height: number): El {
  const { px } = ctx;
  if (!stats) {
    return box({ width, height, alignItems: 'center' }, [line(NO_STATS, { ...textStyle(ctx, 16), width })]);
  }
  const gap = px(20);
  const netHistory = stats.netRxBytesPerS.map((rx, i) => rx + (stats.netTxBytesPerS[i] ?? 0));
  const netNow = netHistory[netHistory.length - 1] ?? 0;
  const gauges = [
    gauge(ctx, 'CPU', stats.cpuPct),
    gauge(ctx, 'Memory', stats.memUsedPct),
    gauge(ctx, 'Disk', stats.diskUsedPct),
  ];
  const charts = [
    chart(ctx, 'CPU, 1 h', `${Math.round(stats.cpuPct)}%`, stats.cpuHistory, 100),
    chart(ctx, 'Network', formatRate(netNow), netHistory),
  ];
  // Landscape: one row of five; portrait: the gauges over the charts.
  const rows = ctx.portrait ? [gauges, charts] : [[...gauges, ...charts]];
  const rowGap = px(14);
  const rowHeight = Math.floor((height - rowGap * (rows.length - 1)) / rows.length);
  return box(
    { width, height, flexDirection: 'column', justifyContent: 'space-between' },
    rows.map((cells) => {
      const cellWidth = Math.floor((width - gap * (cells.length - 1)) / cells.length);
      return box({ flexDirection: 'row', width, height: rowHeight, gap }, cells.map((cell) => cell(cellWidth, rowHeight)));
    }),
  );
}

type Cell = (width: number, height: number) => El;

function caption(ctx: DrawContext, label: string, value: string, width: number): El {
  return box({ flexDirection: 'row', width, justifyContent: 'space-between' }, [
    line(label, { ...textStyle(ctx, 14), flexShrink: 1, minWidth: 0 }),
    line(value, { ...textStyle(ctx, 14, { weight: 700 }), flexShrink: 0, marginLeft: ctx.px(6) }),
  ]);
}

function gauge(ctx: DrawContext, label: string, pct: number): Cell {
  const { px, theme } = ctx;
  const clamped = Math.min(100, Math.max(0, pct));
  return (width) => {
    const border = px(2);
    const inner = width - 2 * border;
    return box({ flexDirection: 'column', width, justifyContent: 'center' }, [
      caption(ctx, label, `${Math.round(pct)}%`, width),
      box({ width, height: px(14), marginTop: px(5), border: `${border}px solid ${theme.ink}`, borderRadius: px(3) }, [
        box({ width: Math.round((inner * clamped) / 100), height: '100%', backgroundColor: theme.cool }),
      ]),
    ]);
  };
}

function chart(ctx: DrawContext, label: string, value: string, history: number[], max?: number): Cell {
  const { px, theme } = ctx;
  return (width) => {
    const chartHeight = px(22);
    const src = sparklineUri(history, { width, height: chartHeight, fill: theme.cool, baseline: theme.ink, max });
    return box({ flexDirection: 'column', width, justifyContent: 'center' }, [
      caption(ctx, label, value, width),
      image(src, width, chartHeight, { marginTop: px(3) }),
    ]);
  };
}

export function formatRate(bytesPerS: number): string {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let value = Math.max(0, bytesPerS);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

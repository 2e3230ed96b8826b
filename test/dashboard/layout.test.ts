import { describe, expect, it } from 'vitest';
import type { CanvasSpec } from '../../main/dashboard/canvas.ts';
import { drawContext } from '../../main/dashboard/context.ts';
import { dashboardTree } from '../../main/dashboard/dashboard-layout.ts';
import { box, line } from '../../main/dashboard/elements.ts';
import type { DashboardData } from '../../main/dashboard/types.ts';
import { CANVASES } from '../fixtures/dashboard/canvases.ts';
import { NOW, sampleData, sampleWeather, stressData } from '../fixtures/dashboard/sample-data.ts';
import { findTextProblems } from './support/text-overflow.ts';
import { textsOf } from './support/tree-text.ts';

const treeFor = (data: DashboardData, canvas: CanvasSpec) =>
  dashboardTree(data, drawContext(canvas, { timeZone: data.timeZone, locale: data.locale ?? 'en-GB' }));

const withSize = (canvas: CanvasSpec, width: number, height: number): CanvasSpec => ({ ...canvas, width, height });

// The four panels of the brief, plus other sizes the built-in profiles and rotations produce.
const LAYOUTS: [string, CanvasSpec][] = [
  ...Object.entries(CANVASES),
  ['600×448', withSize(CANVASES.inkyLandscape, 600, 448)],
  ['640×400', withSize(CANVASES.inkyLandscape, 640, 400)],
  ['448×600', withSize(CANVASES.inkyPortrait, 448, 600)],
  ['1200×1600', withSize(CANVASES.spectra6, 1200, 1600)],
];

describe('dashboard text stays inside its boxes', () => {
  it.each(LAYOUTS)('with everyday data on %s', async (_name, canvas) => {
    expect(await findTextProblems(treeFor(sampleData(), canvas), canvas)).toEqual([]);
  });

  it.each(LAYOUTS)('with the widest data on %s', async (_name, canvas) => {
    expect(await findTextProblems(treeFor(stressData(), canvas), canvas)).toEqual([]);
  });

  it.each(LAYOUTS)('with nothing to show on %s', async (_name, canvas) => {
    const empty = { ...sampleData(), weather: null, events: [], stats: null };
    expect(await findTextProblems(treeFor(empty, canvas), canvas)).toEqual([]);
  });
});

describe('the overflow check itself', () => {
  const canvas = CANVASES.inkyLandscape;
  const page = (children: ReturnType<typeof box>[]) => box({ width: 800, height: 480, backgroundColor: '#ffffff', flexDirection: 'column' }, children);
  const text = (content: string, style: Record<string, string | number>) => ({
    type: 'div' as const,
    props: { style: { fontFamily: 'Inter', fontSize: 20, lineHeight: '25px', ...style }, children: content },
  });

  it('passes text that fits or is cut with an ellipsis', async () => {
    const tree = page([text('Fits', { width: 200 }), line('A long line cut with an ellipsis at the end', { fontFamily: 'Inter', fontSize: 20, lineHeight: '25px', width: 120 })]);
    expect(await findTextProblems(tree, canvas)).toEqual([]);
  });

  it('catches a word wider than its box', async () => {
    const problems = await findTextProblems(page([text('Supercalifragilisticexpialidocious', { width: 100 })]), canvas);
    expect(problems).toEqual([{ text: 'Supercalifragilisticexpialidocious', problem: expect.stringMatching(/text pixels outside its box/) }]);
  });

  it('catches a box pushed out of its parent', async () => {
    const tree = page([box({ width: 100, height: 40, flexDirection: 'row' }, [text('Left', { width: 80, flexShrink: 0 }), text('Right', { width: 80, flexShrink: 0 })])]);
    expect((await findTextProblems(tree, canvas)).map((p) => p.text)).toContain('Right');
  });

  it('catches text squashed below one line', async () => {
    const tree = page([box({ width: 300, height: 30, flexDirection: 'column' }, [text('Squashed', { height: 8, overflow: 'hidden' }), text('Below', {})])]);
    expect((await findTextProblems(tree, canvas)).map((p) => p.text)).toContain('Squashed');
  });
});

describe('empty and stale states say so', () => {
  const canvas = CANVASES.inkyLandscape;

  it('explains missing weather, events and stats', () => {
    const texts = textsOf(treeFor({ ...sampleData(), weather: null, events: [], stats: null }, canvas));
    expect(texts).toEqual(expect.arrayContaining(['No weather yet — set a location in Settings', 'Nothing on the calendar', 'No system stats yet']));
  });

  it('says when today has nothing left on it', () => {
    const later = sampleData().events.filter((e) => e.start.getTime() > Date.parse('2026-11-25T00:00:00Z'));
    expect(textsOf(treeFor({ ...sampleData(), events: later }, canvas))).toContain('Nothing more today');
  });

  it('labels weather older than two hours with its age', () => {
    const stale = { ...sampleData(), weather: sampleWeather(new Date(NOW.getTime() - 3.5 * 3_600_000)) };
    expect(textsOf(treeFor(stale, canvas))).toContain('weather from 3 h ago');
    expect(textsOf(treeFor(sampleData(), canvas)).some((t) => t.startsWith('weather from'))).toBe(false);
  });

  it('heads the dashboard with the date and render time in the display time zone', () => {
    expect(textsOf(treeFor(sampleData(), canvas))[0]).toBe('Tuesday 24 November · 14:05');
    expect(textsOf(treeFor({ ...sampleData(), timeZone: 'America/New_York', locale: 'en-US' }, canvas))[0]).toBe('Tuesday, November 24 · 8:05 AM');
  });
});

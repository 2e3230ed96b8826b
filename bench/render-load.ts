import { churnRenders } from './fleet-load.ts';
import { pairFrames, startFleet } from './serve-fixture.ts';
import { pollLoad } from './server.ts';
import type { Report } from './report.ts';

const POLLERS = 20;
const RENDERERS = 4;
const SECONDS = 6;

/** p99 of conditional state polls while 4 large frames render at once, against the same polls on an idle server. */
export async function runRenderLoadBench(report: Report): Promise<void> {
  const fleet = await startFleet(POLLERS);
  try {
    const headers = fleet.frames.map((f) => ({ authorization: `Token ${f.token}`, 'if-none-match': f.etag! }));
    const idle = await pollLoad(fleet.serve.http, headers, SECONDS);

    const renderers = await pairFrames(fleet.serve, 'bench-render', RENDERERS, { width: 1600, height: 1200 });
    const rendering = await churnRenders(fleet.serve, renderers);
    const busy = await pollLoad(fleet.serve.http, headers, SECONDS);
    const renders = await rendering.stop();

    report('state poll p99 idle', idle.latency.p99, 'ms');
    report(`state poll p99 while ${RENDERERS} frames render`, busy.latency.p99, 'ms');
    report('state poll p99 rendering/idle', busy.latency.p99 / Math.max(idle.latency.p99, 1), 'ratio');
    report('1600x1200 frames rendered during the load', renders, 'count');
  } finally {
    await fleet.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runRenderLoadBench((name, value, unit) => console.log(`${name}: ${value.toFixed(2)} ${unit}`));
}

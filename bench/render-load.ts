import { SimulatedFrame } from '../test/sim/frame.ts';
import { startFleet } from './serve-fixture.ts';
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

    const renderers: SimulatedFrame[] = [];
    for (let i = 0; i < RENDERERS; i++) {
      const frame = new SimulatedFrame(`bench:render:${i}`, 1600, 1200);
      await frame.bootstrap(`${fleet.serve.http}/api/display/bootstrap`);
      renderers.push(frame);
    }
    const displays: { id: number; hardwareId: string }[] = await (await fetch(`${fleet.serve.http}/api/admin/displays`, { headers: { authorization: `Bearer ${fleet.serve.adminToken}` } })).json();
    let rendering = true;
    let renders = 0;
    // A new brightness each time gives a new render key, so every round is a real 1600×1200 render, not a cached frame.
    const loops = renderers.map(async (frame, i) => {
      const id = displays.find((d) => d.hardwareId === frame.hardwareId)!.id;
      for (let round = 1; rendering; round++) {
        await fetch(`${fleet.serve.http}/api/admin/displays/${id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${fleet.serve.adminToken}`, 'content-type': 'application/json' },
          body: JSON.stringify({ patch: { frameSettings: { brightness: 1 + (round * RENDERERS + i) / 10_000 } } }),
        });
        frame.etag = null;
        await frame.poll();
        renders++;
      }
    });
    const busy = await pollLoad(fleet.serve.http, headers, SECONDS);
    rendering = false;
    await Promise.all(loops);

    report('state poll p99 idle', idle.latency.p99, 'ms');
    report(`state poll p99 while ${RENDERERS} frames render`, busy.latency.p99, 'ms');
    report('state poll p99 rendering/idle', busy.latency.p99 / Math.max(idle.latency.p99, 1), 'ratio');
    report('1600x1200 frames rendered during the load', renders, 'count');
  } finally {
    fleet.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runRenderLoadBench((name, value, unit) => console.log(`${name}: ${value.toFixed(2)} ${unit}`));
}

import autocannon from 'autocannon';
import { residentMemoryMb, startFleet } from './serve-fixture.ts';
import type { Report } from './report.ts';

const FRAMES = 50;
const TARGET_RATE = 5000;

/** Conditional state polls (304) from 50 frames at once, and the idle server's memory with 50 displays. */
export async function runServerBench(report: Report): Promise<void> {
  const fleet = await startFleet(FRAMES);
  try {
    // Idle: past the image workers' idle lifetime, so only what an idle server keeps is counted.
    await new Promise((r) => setTimeout(r, 35_000));
    report('idle server RSS with 50 displays', residentMemoryMb(fleet.serve.child.pid!), 'MB');

    const headers = fleet.frames.map((f) => ({ authorization: `Token ${f.token}`, 'if-none-match': f.etag! }));
    const flatOut = await pollLoad(fleet.serve.http, headers, 10);
    report('state polls 304, 50 frames, as fast as they go', flatOut.requests.average, 'req/s');
    report('state polls 304 p50, as fast as they go', flatOut.latency.p50, 'ms');
    report('state polls 304 p99, as fast as they go', flatOut.latency.p99, 'ms');
    report('state polls non-304 answers', flatOut.non2xx - (flatOut.statusCodeStats?.['304']?.count ?? 0), 'count');
    // Latency at the target rate, not at saturation (where it is only queueing time).
    const atTarget = await pollLoad(fleet.serve.http, headers, 10, TARGET_RATE);
    report(`state polls 304 p50 at ${TARGET_RATE} req/s`, atTarget.latency.p50, 'ms');
    report(`state polls 304 p99 at ${TARGET_RATE} req/s`, atTarget.latency.p99, 'ms');
  } finally {
    fleet.stop();
  }
}

/** Autocannon with one connection per frame, each sending its own token and ETag. */
export function pollLoad(base: string, headersPerFrame: Record<string, string>[], seconds: number, overallRate?: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${base}/api/display/state`,
    connections: headersPerFrame.length,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [{
      setupRequest: (req: autocannon.Request, context: Record<string, unknown>) => {
        context.headers ??= headersPerFrame[next++ % headersPerFrame.length];
        return { ...req, headers: context.headers as Record<string, string> };
      },
    }],
  } as autocannon.Options);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runServerBench((name, value, unit) => console.log(`${name}: ${value.toFixed(2)} ${unit}`));
}

import autocannon from 'autocannon';
import { residentMemoryMb, startFleet } from './serve-fixture.ts';
import type { Report } from './report.ts';

const FRAMES = 50;

/** Conditional state polls (304) from 50 frames at once, and the idle server's memory with 50 displays. */
export async function runServerBench(report: Report): Promise<void> {
  const fleet = await startFleet(FRAMES);
  try {
    // Idle: past the image workers' idle lifetime, so only what an idle server keeps is counted.
    await new Promise((r) => setTimeout(r, 35_000));
    report('idle server RSS with 50 displays', residentMemoryMb(fleet.serve.child.pid!), 'MB');

    const result = await pollLoad(fleet.serve.http, fleet.frames.map((f) => ({ authorization: `Token ${f.token}`, 'if-none-match': f.etag! })), 10);
    report('state polls 304, 50 frames', result.requests.average, 'req/s');
    report('state polls 304 p50', result.latency.p50, 'ms');
    report('state polls 304 p99', result.latency.p99, 'ms');
    report('state polls non-304 answers', result.non2xx - (result.statusCodeStats?.['304']?.count ?? 0), 'count');
  } finally {
    fleet.stop();
  }
}

/** Autocannon with one connection per frame, each sending its own token and ETag. */
export function pollLoad(base: string, headersPerFrame: Record<string, string>[], seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${base}/api/display/state`,
    connections: headersPerFrame.length,
    duration: seconds,
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

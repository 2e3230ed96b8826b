import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { childPids } from '../test/helpers/processes.ts';
import { SAMPLE_PHOTOS_DIR } from '../test/helpers/photos.ts';
import { churnRenders, importMeanwhile, percentile, pollLikeFrames, uploadPhoto } from './fleet-load.ts';
import { heyArgs, heyInstalled, parseHeySummary } from './hey-load.ts';
import { withComment } from './import.ts';
import { adminCall, cpuTimeMs, pairFrames, residentMemoryMb, startFleet } from './serve-fixture.ts';
import { startFakeIcsServer } from '../test/fakes/ics-server.ts';
import { startFakeOpenMeteo } from '../test/fakes/open-meteo-server.ts';
import type { Report } from './report.ts';
import type { ServeProcess } from '../test/helpers/serve-process.ts';

const IDLE_DISPLAYS = 50;
const POLLING_FRAMES = 200;
const LONG_POLLS = 20;
const RENDERING_FRAMES = 40;
const BUSY_SECONDS = 45;
const WARM_UP_MS = 5000;
const FLAT_OUT_CONNECTIONS = 50;
const FLAT_OUT_SECONDS = 10;
const TARGET_RATE = 5000;
const TARGET_RATE_RUNS = 3;
const DAY_UPLOADS = 20;
const DAY_DASHBOARDS = 10;
const EVENT_LOOP_PROBE = path.resolve(import.meta.dirname, 'event-loop-probe.mjs');
const PROBE_PREFIX = 'event-loop-delay ';
/**
 * Idle long enough for what an idle server keeps: past the image processes' lifetime (30 s) and V8's
 * memory reducer, which shrinks the heap some 30–45 s after the last burst of work.
 */
const IDLE_WAIT_MS = 60_000;

export async function runServerBench(report: Report): Promise<void> {
  await idleMemory(report);
  await pollsUnderLoad(report);
}

/**
 * RSS of the idle server with 50 displays, each time after a minute without work: fresh, after 100
 * renders, and after a day's other work too. `env`: the server's environment beyond this process's.
 */
export async function idleMemory(report: Report, env: NodeJS.ProcessEnv = {}): Promise<void> {
  const fleet = await startFleet(IDLE_DISPLAYS, undefined, env);
  try {
    const pid = fleet.serve.child.pid!;
    await sleep(IDLE_WAIT_MS);
    report(`idle server RSS, ${IDLE_DISPLAYS} displays, fresh (paired, polled once, 60 s idle)`, residentMemoryMb(pid), 'MB');
    const cpuBefore = cpuTimeMs(pid);
    const churn = await churnRenders(fleet.serve, fleet.frames, 2);
    report('  renders', await churn.done, 'count');
    report("  the server's own CPU time for them (the drawing is in image processes)", cpuTimeMs(pid) - cpuBefore, 'ms');
    await sleep(IDLE_WAIT_MS);
    report(`idle server RSS, ${IDLE_DISPLAYS} displays, after the renders and 60 s idle`, residentMemoryMb(pid), 'MB');
    report('  image processes left', childPids(pid).length, 'count');
    const cpuBeforeDay = cpuTimeMs(pid);
    await aDaysOtherWork(fleet.serve);
    report("  the server's own CPU time for the day's other work", cpuTimeMs(pid) - cpuBeforeDay, 'ms');
    await sleep(IDLE_WAIT_MS);
    report(`idle server RSS, ${IDLE_DISPLAYS} displays, after a day's other work too (${DAY_UPLOADS} uploads, ${DAY_DASHBOARDS} on the dashboard, every job) and 60 s idle`, residentMemoryMb(pid), 'MB');
  } finally {
    await fleet.stop();
  }
}

/** What a server does in a day besides rendering: photos uploaded, then every job that reads them, the weather and a calendar (local stand-ins). */
async function aDaysOtherWork(serve: ServeProcess): Promise<void> {
  const weather = await startFakeOpenMeteo();
  const calendars = await startFakeIcsServer();
  try {
    calendars.serveFixture('/family.ics', 'family.ics');
    const photo = await uploadablePhoto();
    for (let i = 0; i < DAY_UPLOADS; i++) await uploadPhoto(serve, photo(i), `day-${i}.jpg`);
    for (const [key, value] of [['weather.base_url', weather.url], ['weather.latitude', '52.52'], ['weather.longitude', '13.41']]) {
      await adminCall(serve, 'PUT', `/settings/${key}`, { value });
    }
    await adminCall(serve, 'POST', '/calendars', { name: 'Family', url: `${calendars.url}/family.ics` });
    const displays: { id: number }[] = await (await adminCall(serve, 'GET', '/displays')).json();
    for (const { id } of displays.slice(0, DAY_DASHBOARDS)) await adminCall(serve, 'PATCH', `/displays/${id}`, { patch: { defaultMode: 'dashboard' } });
    for (const job of ['classify', 'generate_variants', 'get_weather', 'get_calendar', 'generate_dashboard', 'cleanup']) await runJob(serve, job);
  } finally {
    await weather.close();
    await calendars.close();
  }
}

async function runJob(serve: ServeProcess, name: string): Promise<void> {
  const started = await adminCall(serve, 'POST', `/jobs/${name}/run`, {});
  if (!started.ok) throw new Error(`${name}: ${started.status} ${await started.text()}`);
  const { id } = await started.json();
  for (;;) {
    const executions: { id: number; status: string }[] = await (await adminCall(serve, 'GET', `/executions?name=${name}`)).json();
    const status = executions.find((e) => e.id === id)?.status;
    if (status === 'success') return;
    if (status && status !== 'queued' && status !== 'running') throw new Error(`${name} ended ${status}`);
    await sleep(200);
  }
}

/**
 * 200 frames polling at a realistic rate (20 holding long-polls) while 40 large frames render and
 * photos are uploaded; then the same server flat out against a bare Node server answering 304.
 */
export async function pollsUnderLoad(report: Report): Promise<void> {
  const photo = await uploadablePhoto();
  const fleet = await startFleet(POLLING_FRAMES, undefined, { NODE_OPTIONS: `--import ${EVENT_LOOP_PROBE}` });
  try {
    const renderers = await pairFrames(fleet.serve, 'bench-render', RENDERING_FRAMES, { width: 1600, height: 1200 });
    const rendering = await churnRenders(fleet.serve, renderers);
    const importing = importMeanwhile(fleet.serve, photo);
    // Steady state: past the start of the load (the first image processes starting, the first frames).
    await sleep(WARM_UP_MS);
    const polls = await pollLikeFrames(fleet.frames, BUSY_SECONDS, LONG_POLLS);
    const renders = await rendering.stop();
    const uploads = await importing.stop();
    const label = `${POLLING_FRAMES} frames each every 0.5-2 s, ${RENDERING_FRAMES} rendering, photos importing`;
    report(`state polls 304, ${label}: polls`, polls.latencies.length, 'count');
    report('  p50', percentile(polls.latencies, 50), 'ms');
    report('  p99', percentile(polls.latencies, 99), 'ms');
    report('  max', Math.max(...polls.latencies), 'ms');
    report('  failed requests', polls.failures.length, 'count');
    report('  1600x1200 frames rendered meanwhile', renders, 'count');
    report('  photos uploaded meanwhile', uploads.length, 'count');
    report('  upload answered in, p50', percentile(uploads, 50), 'ms');
    report('  upload answered in, max', Math.max(...uploads), 'ms');
    if (polls.failures.length > 0) console.error(polls.failures.slice(0, 5));

    const headers = fleet.frames.slice(0, FLAT_OUT_CONNECTIONS).map((f) => ({ authorization: `Token ${f.token}`, 'if-none-match': f.etag! }));
    const bare = await startBare304Server();
    try {
      const ours = await pollLoad(fleet.serve.http, headers, FLAT_OUT_SECONDS);
      const node = await pollLoad(bare.url, headers, FLAT_OUT_SECONDS);
      report(`flat out, ${FLAT_OUT_CONNECTIONS} connections: Inkstand state polls 304`, ours.requests.average, 'req/s');
      report('  Inkstand p99', ours.latency.p99, 'ms');
      report('  Inkstand answers other than 304', ours.non2xx - (ours.statusCodeStats?.['304']?.count ?? 0) + ours.errors, 'count');
      report('  bare Node http server answering 304', node.requests.average, 'req/s');
      report('  bare Node p99', node.latency.p99, 'ms');
      report('  Inkstand / bare Node', ours.requests.average / node.requests.average, 'ratio');
      // Latency at the target rate, not at saturation (where it is only queueing time), next to the
      // bare server at the same rate, in alternating runs, the load generator pinned to a core of
      // its own and the server (and the bare server) to the other.
      for (let run = 1; run <= TARGET_RATE_RUNS; run++) {
        const { result: atTarget, loop } = await withEventLoopDelay(fleet.serve, () => pinnedPollLoad(fleet.serve.child.pid!, fleet.serve.http, headers, TARGET_RATE));
        const bareAtTarget = await pinnedPollLoad(bare.child.pid!, bare.url, headers, TARGET_RATE);
        report(`state polls 304 at ${TARGET_RATE} req/s offered by ${heyInstalled ? 'hey' : 'the paced Node generator'}, run ${run}${pinning ? ', load generator pinned to its own core' : ''}: p50`, atTarget.latency.p50, 'ms');
        report('  p99', atTarget.latency.p99, 'ms');
        report("  the server's own event-loop delay meanwhile: p99", loop.p99, 'ms');
        report('  max', loop.max, 'ms');
        report('  answered per second', atTarget.requests.average, 'req/s');
        report('  answers other than 304, errors', atTarget.non304 + atTarget.errors, 'count');
        report(`  bare Node http server at ${TARGET_RATE} req/s: p99`, bareAtTarget.latency.p99, 'ms');
      }
    } finally {
      bare.child.kill();
    }
    // What is left: the state of 240 displays and ~1,000 photos (picture work all ran in image processes).
    await sleep(IDLE_WAIT_MS);
    report(`idle server RSS after all that, ${POLLING_FRAMES + RENDERING_FRAMES} displays, 60 s idle`, residentMemoryMb(fleet.serve.child.pid!), 'MB');
  } finally {
    await fleet.stop();
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

/** `taskset` pins processes when there are two cores or more to share out (util-linux; absent elsewhere). */
const pinning = os.availableParallelism() >= 2 && spawnSync('taskset', ['-V']).status === 0;
const SERVER_CORE = '0';
const LOAD_CORE = '1';

/** What the paced load generator (bench/paced-load-process.mjs) measured. */
export interface PacedLoadResult {
  latency: { p50: number; p99: number; max: number };
  requests: { average: number };
  non304: number;
  errors: number;
}

/**
 * State polls offered at a steady `rate` (not autocannon's bursts) by a generator in its own
 * process — hey where it is installed (hey-load.ts), else bench/paced-load-process.mjs — pinned to
 * LOAD_CORE with the server (every thread of process `serverPid`) pinned to SERVER_CORE for the run
 * and let free again afterwards; unpinned where `taskset` is missing.
 */
export async function pinnedPollLoad(serverPid: number, base: string, headersPerConnection: Record<string, string>[], rate: number): Promise<PacedLoadResult> {
  const pin = (cores: string) => pinning && spawnSync('taskset', ['-a', '-p', '-c', cores, String(serverPid)], { stdio: 'ignore' });
  const url = `${base}/api/display/state`;
  pin(SERVER_CORE);
  try {
    const generator = heyInstalled
      ? heyArgs(url, headersPerConnection[0], FLAT_OUT_SECONDS, rate, headersPerConnection.length)
      : [process.execPath, path.join(import.meta.dirname, 'paced-load-process.mjs')];
    const [command, ...args] = pinning ? ['taskset', '-c', LOAD_CORE, ...generator] : generator;
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    child.stdin!.end(heyInstalled ? '' : JSON.stringify({ url, headersPerConnection, seconds: FLAT_OUT_SECONDS, rate }));
    let output = '';
    for await (const chunk of child.stdout!) output += chunk;
    const [code] = await once(child, 'close');
    if (code !== 0) throw new Error(`the load generator ${generator[0]} exited with ${code}`);
    return heyInstalled ? parseHeySummary(output) : JSON.parse(output);
  } finally {
    pin(`0-${os.availableParallelism() - 1}`);
  }
}

export function startBare304Server(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'bare-304-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', (line) => resolve({ child, url: `http://127.0.0.1:${/listening on (\d+)/.exec(String(line))![1]}` }));
    child.once('exit', (code) => reject(new Error(`the bare server exited with ${code}`)));
  });
}

/** Distinct 3-megapixel JPEGs (one photo, a different comment each), so every upload is a new photo with a full decode. */
async function uploadablePhoto(): Promise<(i: number) => Buffer> {
  const sample = path.join(SAMPLE_PHOTOS_DIR, fs.readdirSync(SAMPLE_PHOTOS_DIR).find((f) => f.endsWith('.jpg'))!);
  const jpeg = await sharp(sample).resize(2048, 1536, { fit: 'cover' }).jpeg({ quality: 88 }).toBuffer();
  return (i) => withComment(jpeg, `bench upload ${i}`);
}

/** Runs `work` between two readings of the server's event-loop delay (event-loop-probe.mjs, loaded into the server). */
async function withEventLoopDelay<T>(serve: ServeProcess, work: () => Promise<T>): Promise<{ result: T; loop: { p99: number; max: number } }> {
  const readings = () => serve.output().split('\n').filter((line) => line.startsWith(PROBE_PREFIX));
  const read = async () => {
    const before = readings().length;
    serve.child.kill('SIGUSR2');
    while (readings().length === before) await sleep(20);
    return JSON.parse(readings().at(-1)!.slice(PROBE_PREFIX.length));
  };
  await read();
  const result = await work();
  return { result, loop: await read() };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (import.meta.url === `file://${process.argv[1]}`) {
  await runServerBench((name, value, unit) => console.log(`${name}: ${value.toFixed(2)} ${unit}`));
}

import path from 'node:path';
import { FrameProgram } from '../test/helpers/frame-program.ts';
import { postgresAvailable, startPostgresCluster } from '../test/helpers/postgres.ts';
import type { ServeProcess } from '../test/helpers/serve-process.ts';
import { tempDataDir } from '../test/helpers/test-server.ts';
import { SimulatedFrame } from '../test/sim/frame.ts';
import { churnRenders, displayIdsOf, percentile, pollLikeFrames, type PollStats } from './fleet-load.ts';
import { httpsOf, serveLibrary, type ServedLibrary } from './node-cluster.ts';
import type { Report } from './report.ts';
import { adminCall, pairFrames } from './serve-fixture.ts';

/** Shorter runs for a quick look: NODES_BENCH_SECONDS=10 NODES_BENCH_FRAMES=40 NODES_BENCH_WAKES=10 NODES_BENCH_FRAME_PROGRAMS=2. */
const POLL_SECONDS = Number(process.env.NODES_BENCH_SECONDS ?? 60);
const FRAMES = Number(process.env.NODES_BENCH_FRAMES ?? 200);
const WAKES = Number(process.env.NODES_BENCH_WAKES ?? 50);
const FRAME_PROGRAMS = Number(process.env.NODES_BENCH_FRAME_PROGRAMS ?? 5);
const WARM_UP_MS = 5_000;

export async function runNodesBench(report: Report): Promise<void> {
  if (!postgresAvailable) {
    console.log('nodes: skipped, no PostgreSQL binaries (apt-get install postgresql)');
    return;
  }
  const single = await serveLibrary(['single']);
  try {
    reportPolls(report, 'one node on SQLite', await pollsWhileRendering(single, [single.nodes[0]]));
  } finally {
    await single.stop();
  }
  const cluster = await startPostgresCluster();
  try {
    const library = await serveLibrary(['node-a', 'node-b'], await cluster.createDatabase());
    try {
      reportPolls(report, 'two nodes on one PostgreSQL', await pollsWhileRendering(library, library.nodes));
      await wakeAcrossNodes(report, library);
      await failOver(report, library);
    } finally {
      await library.stop();
    }
  } finally {
    cluster.stop();
  }
}

/** FRAMES frames split over the nodes, polling every 0.5–2 s for POLL_SECONDS while a third of them are re-rendered again and again (through the first node). */
async function pollsWhileRendering(library: ServedLibrary, nodes: ServeProcess[]): Promise<PollStats & { renders: number; renderFailures: string[] }> {
  const perNode = Math.ceil(FRAMES / nodes.length);
  const frames = (await Promise.all(nodes.map((node, i) => pairFrames(node, `bench-${i}`, perNode)))).flat().slice(0, FRAMES);
  const rendering = await churnRenders(library.nodes[0], frames.slice(0, Math.floor(frames.length / 3)));
  await sleep(WARM_UP_MS);
  const polls = await pollLikeFrames(frames, POLL_SECONDS, 0);
  const renders = await rendering.stop();
  for (const node of nodes) if (node.child.exitCode !== null || node.child.signalCode !== null) console.error(`a node exited:\n${node.output().slice(-2000)}`);
  return { ...polls, renders, renderFailures: rendering.failures };
}

function reportPolls(report: Report, label: string, polls: PollStats & { renders: number; renderFailures: string[] }): void {
  report(`state polls 304, ${FRAMES} frames every 0.5-2 s for ${POLL_SECONDS} s, a third re-rendering, ${label}: polls`, polls.latencies.length, 'count');
  report('  p50', percentile(polls.latencies, 50), 'ms');
  report('  p99', percentile(polls.latencies, 99), 'ms');
  report('  max', Math.max(...polls.latencies), 'ms');
  report('  failed requests', polls.failures.length, 'count');
  report('  pictures re-rendered meanwhile', polls.renders, 'count');
  report('  failed re-render rounds', polls.renderFailures.length, 'count');
  if (polls.failures.length > 0) console.error(polls.failures.slice(0, 5));
  if (polls.renderFailures.length > 0) console.error(polls.renderFailures.slice(0, 5));
}

/**
 * A long-poll held on node B, a change made through node A's admin API: the time from the admin
 * call to B's answer (and to A's own answer, for comparison). A round that fails is counted.
 */
async function wakeAcrossNodes(report: Report, library: ServedLibrary): Promise<void> {
  const [a, b] = library.nodes;
  const frame = new SimulatedFrame('bench:wake', 800, 480);
  await frame.bootstrap(`${b.http}/api/display/bootstrap`);
  await frame.poll();
  const [id] = await displayIdsOf(a, [frame]);
  const woken: number[] = [];
  const answered: number[] = [];
  const failures: string[] = [];
  for (let i = 0; i < WAKES; i++) {
    try {
      // The previous change was two commits (the text, then the override); the long-poll may have
      // woken at the first. Start from B's settled state, or this round's poll answers at once.
      await sleep(200);
      await frame.poll();
      const held = fetch(`${b.http}/api/display/state?wait=20`, { headers: { ...frame.authHeaders(), 'if-none-match': frame.etag! } });
      await sleep(200);
      const changedAt = performance.now();
      const change = adminCall(a, 'POST', `/displays/${id}/message`, { text: `Message ${i}`, minutes: 30 }).then((res) => {
        answered.push(performance.now() - changedAt);
        if (res.status !== 200) throw new Error(`the change on A answered ${res.status}`);
      });
      const answer = await held;
      if (answer.status !== 200) throw new Error(`the long-poll on B answered ${answer.status}, not 200`);
      woken.push(performance.now() - changedAt);
      frame.etag = answer.headers.get('etag');
      await change;
    } catch (err) {
      failures.push(String((err as Error).cause ?? err));
      await frame.poll().catch(() => undefined);
    }
  }
  report(`change on node A → long-poll on node B answered (${WAKES} changes): p50`, percentile(woken, 50), 'ms');
  report('  p99', percentile(woken, 99), 'ms');
  report('  the admin call on A answered, p50', percentile(answered, 50), 'ms');
  report('  failed rounds', failures.length, 'count');
  if (failures.length > 0) console.error(failures.slice(0, 5));
}

/**
 * FRAME_PROGRAMS real frame programs set up as a node's installer sets them up (one --server:
 * node A), discovery pointed at node B; after `kill -9` of A, the seconds until each answers again.
 */
async function failOver(report: Report, library: ServedLibrary): Promise<void> {
  const [a, b] = library.nodes;
  const work = tempDataDir('inkstand-bench-frames-');
  const programs = Array.from({ length: FRAME_PROGRAMS }, (_, i) => new FrameProgram(['--server', httpsOf(a), '--discovery-target', '127.0.0.1',
    '--discovery-port', String(library.discoveryPorts[1]), '--backend', `file:${path.join(work, `panel-${i}`)}`, '--hardware-id', `bench:frame-${i}`,
    '--state-dir', path.join(work, `state-${i}`)]));
  try {
    await Promise.all(programs.map((program) => program.waitFor(/^showing \S+ \(\w+\)$/m, 120_000)));
    await sleep(1_000); // each back in its long-poll on A
    const marks = programs.map((program) => program.mark());
    const killedAt = performance.now();
    library.kill(a);
    const seconds = await Promise.all(programs.map(async (program, i) => {
      await program.waitFor(new RegExp(`^server \\S+ at ${httpsOf(b).replace(/[.]/g, '\\.')} \\(udp\\)$`, 'm'), 120_000, marks[i]);
      await program.waitFor(/^the server answers again$/m, 60_000, marks[i]);
      return (performance.now() - killedAt) / 1000;
    }));
    report(`fail-over: kill -9 of the node ${FRAME_PROGRAMS} frame programs poll → each answered by the other node: p50`, percentile(seconds, 50), 's');
    report('  max', Math.max(...seconds), 's');
  } finally {
    await Promise.all(programs.map((program) => program.stop()));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

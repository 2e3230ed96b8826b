// Frames polling as real ones do, on a thread of its own so the latencies it measures are the
// server's, not this process's other work (uploads, render churn). Plain JavaScript: workers do
// not inherit the TypeScript loader. See pollLikeFrames in fleet-load.ts.
import { parentPort, workerData } from 'node:worker_threads';

const { frames, seconds, holders } = workerData;
const stats = { latencies: [], statuses: {}, failures: [] };
const deadline = performance.now() + seconds * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function ask(frame, wait) {
  const started = performance.now();
  try {
    const res = await fetch(`${frame.baseUrl}/api/display/state${wait ? `?wait=${wait}` : ''}`, { headers: { authorization: `Token ${frame.token}`, 'if-none-match': frame.etag } });
    const body = await res.arrayBuffer();
    stats.statuses[res.status] = (stats.statuses[res.status] ?? 0) + 1;
    if (res.status === 304 && !wait) stats.latencies.push(performance.now() - started);
    else if (res.status === 200) frame.etag = res.headers.get('etag');
    else if (res.status !== 304) stats.failures.push(`${res.status} ${Buffer.from(body).toString().slice(0, 100)}`);
  } catch (err) {
    stats.failures.push(String(err));
  }
}

await Promise.all(frames.map(async (frame, i) => {
  if (i < holders) {
    while (performance.now() < deadline) await ask(frame, 30);
    return;
  }
  await sleep(Math.random() * 2000);
  while (performance.now() < deadline) {
    await ask(frame, 0);
    await sleep(500 + Math.random() * 1500);
  }
}));
parentPort.postMessage({ ...stats, etags: frames.map((f) => f.etag) });

// A load generator that offers a steady rate, in a process of its own so it can be pinned to a core.
// Autocannon's rate limit is a quota per second: each connection sends its share back to back at the
// start of every second and then waits, so "5,000 req/s" arrives as bursts at full speed and the
// latency it reports is the queue of each burst (a bare Node server measured 9–13 ms p99 that way).
// Here each connection sends on a fixed schedule (every connections / rate seconds, the connections
// staggered), and a request's latency counts from when it was due, not when it went out, so a slow
// answer that delays the next request is charged to the server (no coordinated omission, as wrk2).
// Input (stdin, JSON): { url, headersPerConnection, seconds, rate }.
// Output: { latency: { p50, p99, max } (ms), requests: { average } (req/s), non304, errors }.
import http from 'node:http';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { url, headersPerConnection, seconds, rate } = JSON.parse(input);

const connections = headersPerConnection.length;
const intervalMs = (1000 * connections) / rate;
const latencies = [];
let non304 = 0;
let errors = 0;
// Each connection opens its socket with one unmeasured request before the schedule starts.
const start = performance.now() + 500;
const end = start + seconds * 1000;

function runConnection(index) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const headers = headersPerConnection[index];
  let due = start + (index * intervalMs) / connections;
  return new Promise((resolve) => {
    const sendWhenDue = () => {
      if (due >= end) {
        agent.destroy();
        resolve();
        return;
      }
      const wait = due - performance.now();
      if (wait > 0) {
        setTimeout(sendWhenDue, wait);
        return;
      }
      const dueAt = due;
      due += intervalMs;
      const request = http.get(url, { agent, headers }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - dueAt);
          if (response.statusCode !== 304) non304++;
          sendWhenDue();
        });
      });
      request.on('error', () => {
        errors++;
        sendWhenDue();
      });
    };
    http.get(url, { agent, headers }, (response) => response.resume().on('end', sendWhenDue)).on('error', sendWhenDue);
  });
}

await Promise.all(headersPerConnection.map((_, index) => runConnection(index)));
latencies.sort((a, b) => a - b);
const at = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
process.stdout.write(JSON.stringify({
  latency: { p50: at(50), p99: at(99), max: latencies.at(-1) ?? NaN },
  requests: { average: latencies.length / seconds },
  non304,
  errors,
}));

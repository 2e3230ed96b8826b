// Autocannon in a process of its own, so it can be pinned to a core (`taskset`) apart from the
// server it loads: on two cores the load generator and the server otherwise take turns on both,
// and its pauses show up as the server's latency. Plain JavaScript, run by plain node.
// Input (stdin, JSON): { url, headersPerConnection, seconds, overallRate? }; output: autocannon's result as JSON.
import autocannon from 'autocannon';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { url, headersPerConnection, seconds, overallRate } = JSON.parse(input);
let next = 0;
const result = await autocannon({
  url,
  connections: headersPerConnection.length,
  duration: seconds,
  ...(overallRate ? { overallRate } : {}),
  requests: [{
    setupRequest: (req, context) => {
      context.headers ??= headersPerConnection[next++ % headersPerConnection.length];
      return { ...req, headers: context.headers };
    },
  }],
});
process.stdout.write(JSON.stringify(result));

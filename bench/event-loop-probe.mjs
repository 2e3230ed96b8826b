// Loaded into `inkstand serve` by the server benchmark (NODE_OPTIONS=--import): the server's own
// event-loop delay, so that latency the load generator measures on the same two cores can be told
// apart from time the server itself kept a request waiting. On SIGUSR2 it prints the delays since
// the previous signal as one `event-loop-delay {json}` line on stderr and starts counting anew.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delays = monitorEventLoopDelay({ resolution: 5 });
delays.enable();
process.on('SIGUSR2', () => {
  const ms = (ns) => ns / 1e6;
  console.error(`event-loop-delay ${JSON.stringify({ p99: ms(delays.percentile(99)), max: ms(delays.max) })}`);
  delays.reset();
});

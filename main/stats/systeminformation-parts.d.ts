// Types for the parts of systeminformation that main/stats/probe.ts imports on their own.
declare module 'systeminformation/lib/memory.js' {
  export { mem } from 'systeminformation';
}
declare module 'systeminformation/lib/network.js' {
  export { networkStats } from 'systeminformation';
}

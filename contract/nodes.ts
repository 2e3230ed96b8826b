/** One Inkstand node serving this database (Settings lists them; on SQLite there is one). */
export interface NodeDto {
  name: string;
  /** The address and ports other machines reach it at. */
  address: string;
  httpPort: number;
  httpsPort: number;
  version: string;
  startedAt: string;
  lastHeartbeatAt: string;
  /** Whether it held the job-runner role at its last heartbeat. */
  runsJobs: boolean;
  /** False once no heartbeat came for 30 s: stopped without a word (killed, power cut, network gone). */
  alive: boolean;
  /** The node answering this call. */
  thisNode: boolean;
}

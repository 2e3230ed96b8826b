import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** One Inkstand process serving this database, as it last reported itself (a heartbeat every few seconds). */
export interface NodeRecord {
  name: string;
  address: string;
  httpPort: number;
  httpsPort: number;
  version: string;
  startedAt: Date;
  heartbeatAt: Date;
  runsJobs: boolean;
}

export const NodeEntity = new EntitySchema<NodeRecord>({
  name: 'Node',
  tableName: 'nodes',
  columns: {
    name: { type: 'varchar', length: 128, primary: true },
    address: { type: 'varchar', length: 255 },
    httpPort: { name: 'http_port', type: 'integer' },
    httpsPort: { name: 'https_port', type: 'integer' },
    version: { type: 'varchar', length: 64 },
    startedAt: { name: 'started_at', type: TIMESTAMP },
    heartbeatAt: { name: 'heartbeat_at', type: TIMESTAMP },
    runsJobs: { name: 'runs_jobs', type: 'boolean' },
  },
});

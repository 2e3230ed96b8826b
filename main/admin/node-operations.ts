import type { AdminApi, NodeDto } from '../../contract/admin.ts';
import { NODE_GONE_AFTER_MS, type NodeStore } from '../nodes/node-store.ts';
import type { NodeRecord } from '../storage/entities/node.ts';

export interface NodeOperationsDeps {
  nodes: Pick<NodeStore, 'list'>;
  nodeName: string;
  now(): Date;
}

/** The live nodes for Settings: every node's own heartbeat row, alive while it is fresh. */
export function nodeOperations(deps: NodeOperationsDeps): Pick<AdminApi, 'nodes.list'> {
  return {
    async 'nodes.list'() {
      const goneBefore = deps.now().getTime() - NODE_GONE_AFTER_MS;
      return (await deps.nodes.list()).map((node) => nodeDto(node, node.heartbeatAt.getTime() >= goneBefore, node.name === deps.nodeName));
    },
  };
}

function nodeDto(node: NodeRecord, alive: boolean, thisNode: boolean): NodeDto {
  const { name, address, httpPort, httpsPort, version, runsJobs } = node;
  return { name, address, httpPort, httpsPort, version, startedAt: node.startedAt.toISOString(), lastHeartbeatAt: node.heartbeatAt.toISOString(), runsJobs: alive && runsJobs, alive, thisNode };
}

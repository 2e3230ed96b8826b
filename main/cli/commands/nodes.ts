import type { AdminApi } from '../../../contract/admin.ts';
import { printListing } from '../output.ts';

const COLUMNS = ['name', 'address', 'httpPort', 'httpsPort', 'version', 'lastHeartbeatAt', 'runsJobs', 'alive'];

/**
 * `inkstand nodes`: the nodes serving this database, as Settings → Nodes lists them (the admin
 * API's `nodes.list`): the live ones, and those gone silent in the last day (`alive` false). The
 * command is no node itself, so the list has no "this node".
 */
export async function listNodesCommand(admin: Pick<AdminApi, 'nodes.list'>, options: { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const rows = (await admin['nodes.list']({})).map(({ thisNode: _notANode, ...node }) => node);
  printListing(rows, Boolean(options.json), COLUMNS, out);
}

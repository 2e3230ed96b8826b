import { useEffect } from 'react';
import type { NodeDto } from '../../../contract/admin.ts';
import { timeAgo } from '../../lib/format.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';

/** As often as the list is read again while Settings is open; a node sends a heartbeat every 5 s. */
const REFRESH_MS = 10_000;

function NodeRow({ node }: { node: NodeDto }) {
  return (
    <tr data-testid="node" className={node.alive ? '' : 'muted'}>
      <td>{node.name}{node.thisNode && <span className="muted small"> (this one)</span>}</td>
      <td className="mono">{node.address}:{node.httpPort}</td>
      <td>{node.version}</td>
      <td title={node.lastHeartbeatAt}>{node.alive ? timeAgo(node.lastHeartbeatAt) : <span className="badge bad">gone</span>}</td>
      <td>{node.runsJobs && <span className="badge ok">runs jobs</span>}</td>
    </tr>
  );
}

/** The Inkstand nodes serving this database: one on SQLite, several sharing one PostgreSQL database. */
export function NodeList() {
  const nodes = useSettings((s) => s.nodes);
  const loadNodes = useSettings((s) => s.loadNodes);
  useEffect(() => {
    void loadNodes();
    const timer = setInterval(() => void loadNodes(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [loadNodes]);
  return (
    <Section title="Nodes">
      <table className="node-list">
        <thead><tr><th>Name</th><th>Address</th><th>Version</th><th>Last heartbeat</th><th /></tr></thead>
        <tbody>{(nodes ?? []).map((node) => <NodeRow key={node.name} node={node} />)}</tbody>
      </table>
      {nodes && nodes.length > 1 && <p className="small muted">Several nodes share one database; one of them runs the scheduled jobs. A node that stops sending heartbeats is shown as gone after 30 s and dropped after a day.</p>}
    </Section>
  );
}

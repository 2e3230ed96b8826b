import { client } from '../../api/client.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';
import { SettingInput } from './SettingInput.tsx';

const portOf = (url: string) => new URL(url.replace(/^udp:/, 'http:')).port;

/** What the server is called and where it listens; ports and the data folder are set when it starts. */
export function ServerSettings() {
  const system = useSettings((s) => s.system);
  const listeners = system?.listeners;
  return (
    <Section title="Server">
      <div className="stack">
        <div className="fields"><SettingInput settingKey="server.name" label="Name shown to frames" /></div>
        <dl className="facts">
          <dt>HTTP port</dt><dd className="mono">{listeners ? portOf(listeners.http) : window.location.port || '—'}</dd>
          <dt>HTTPS port</dt><dd className="mono">{listeners ? portOf(listeners.https) : '—'}</dd>
          <dt>Discovery</dt><dd>{listeners ? (listeners.discovery ? <span className="mono">UDP {portOf(listeners.discovery)} · mDNS</span> : 'Off (--no-discovery)') : '—'}</dd>
          <dt>Data folder</dt><dd className="mono">{system?.dataDir ?? '—'}</dd>
          <dt>Version</dt><dd>{system?.version ?? '—'}</dd>
          <dt>Connected by</dt><dd>{client().transport === 'ipc' ? 'the desktop window' : 'the browser, with the admin token'}</dd>
        </dl>
        <p className="small muted">Ports and the data folder are chosen at start-up: <code>inkstand serve --http-port … --data-dir …</code>.</p>
      </div>
    </Section>
  );
}

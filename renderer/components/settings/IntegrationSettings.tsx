import { dateTime } from '../../lib/format.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';

/** The read-only API key for Home Assistant and scripts (README: "Integrations"). */
export function IntegrationSettings() {
  const key = useSettings((s) => s.integrationKey);
  const { createIntegrationKey, revokeIntegrationKey } = useSettings.getState();
  const origin = window.location.protocol.startsWith('http') ? window.location.origin : 'http://<this computer>:8000';
  const replace = () => {
    if (!key?.configured || window.confirm('Make a new key? The current one stops working at once.')) void createIntegrationKey();
  };
  return (
    <Section title="Integrations">
      <div className="stack">
        <p className="small">
          A read-only key for Home Assistant and scripts: it reads every display's battery, Wi-Fi signal and current screen
          (<code>GET /api/devices</code>, as TRMNL's API names them) and changes nothing.
        </p>
        {key?.key ? (
          <div className="notice" data-testid="integration-key">
            <p className="small">Copy the key now; it is not shown again:</p>
            <code className="token">{key.key}</code>
            <code className="small">curl -H "Authorization: Bearer {key.key}" {origin}/api/devices</code>
          </div>
        ) : (
          <p className="small muted">{key?.configured ? `A key exists, made ${dateTime(key.createdAt)}.` : 'No key yet: integrations are refused.'}</p>
        )}
        <div className="row">
          <button className="primary" onClick={replace}>{key?.configured ? 'Make a new key' : 'Make a key'}</button>
          {key?.configured && <button className="danger" onClick={() => void revokeIntegrationKey()}>Revoke</button>}
        </div>
      </div>
    </Section>
  );
}

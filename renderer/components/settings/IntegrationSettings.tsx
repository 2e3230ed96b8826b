import type { IntegrationKeyDto } from '../../../contract/admin.ts';
import { dateTime } from '../../lib/format.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';

/** The read-only and the control API keys for Home Assistant and scripts (README: "Integrations"). */
export function IntegrationSettings() {
  const readKey = useSettings((s) => s.integrationKey);
  const controlKey = useSettings((s) => s.controlKey);
  const { createIntegrationKey, revokeIntegrationKey, createControlKey, revokeControlKey } = useSettings.getState();
  const origin = window.location.protocol.startsWith('http') ? window.location.origin : 'http://<this computer>:8000';
  return (
    <Section title="Integrations">
      <div className="stack">
        <p className="small">
          A read-only key for Home Assistant and scripts: it reads every display's battery, Wi-Fi signal and current screen
          (<code>GET /api/devices</code>, as TRMNL's API names them) and changes nothing.
        </p>
        <KeyCard testId="integration-key" noun="key" dto={readKey} onCreate={createIntegrationKey} onRevoke={revokeIntegrationKey}
          example={(key) => `curl -H "Authorization: Bearer ${key}" ${origin}/api/devices`} />
        <p className="small">
          A control key may also change what a display shows: a message, an override, the next picture, a refresh
          (<code>POST /api/displays/ID/actions</code>; the README has Home Assistant <code>rest_command</code> YAML). Give it only to what should do that.
        </p>
        <KeyCard testId="control-key" noun="control key" dto={controlKey} onCreate={createControlKey} onRevoke={revokeControlKey}
          example={(key) => `curl -X POST -H "Authorization: Bearer ${key}" -H "Content-Type: application/json" -d '{"action":"message","text":"Hello"}' ${origin}/api/displays/all/actions`} />
      </div>
    </Section>
  );
}

function KeyCard({ dto, noun, onCreate, onRevoke, example, testId }: {
  dto: IntegrationKeyDto | null; noun: string; onCreate(): Promise<void>; onRevoke(): Promise<void>; example(key: string): string; testId: string;
}) {
  const replace = () => {
    if (!dto?.configured || window.confirm('Make a new key? The current one stops working at once.')) void onCreate();
  };
  return (
    <>
      {dto?.key ? (
        <div className="notice" data-testid={testId}>
          <p className="small">Copy the key now; it is not shown again:</p>
          <code className="token">{dto.key}</code>
          <code className="small">{example(dto.key)}</code>
        </div>
      ) : (
        <p className="small muted">{dto?.configured ? `A ${noun} exists, made ${dateTime(dto.createdAt)}.` : `No ${noun} yet: integrations are refused.`}</p>
      )}
      <div className="row">
        <button className="primary" onClick={replace}>{dto?.configured ? `Make a new ${noun}` : `Make a ${noun}`}</button>
        {dto?.configured && <button className="danger" onClick={() => void onRevoke()}>{`Revoke the ${noun}`}</button>}
      </div>
    </>
  );
}

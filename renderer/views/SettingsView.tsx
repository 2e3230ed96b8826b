import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { AiProviders } from '../components/settings/AiProviders.tsx';
import { DesktopSettings } from '../components/settings/DesktopSettings.tsx';
import { NodeList } from '../components/settings/NodeList.tsx';
import { IntegrationSettings } from '../components/settings/IntegrationSettings.tsx';
import { PairingSettings } from '../components/settings/PairingSettings.tsx';
import { ServerSettings } from '../components/settings/ServerSettings.tsx';
import { StyleSettings } from '../components/settings/StyleSettings.tsx';
import { client } from '../api/client.ts';
import './settings.css';

export function SettingsView() {
  return (
    <>
      <ViewHeader title="Settings" />
      <div className="two-col">
        <div className="stack">
          <div className="card"><ServerSettings /></div>
          <div className="card"><NodeList /></div>
          <div className="card"><PairingSettings /></div>
          <div className="card"><IntegrationSettings /></div>
          {client().transport === 'ipc' && <div className="card"><DesktopSettings /></div>}
        </div>
        <div className="stack">
          <div className="card"><AiProviders /></div>
          <div className="card"><StyleSettings /></div>
        </div>
      </div>
    </>
  );
}

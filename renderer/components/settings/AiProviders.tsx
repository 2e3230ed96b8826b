import type { AiProviderName } from '../../../contract/admin.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';
import { SettingInput } from './SettingInput.tsx';
import { SettingSelect } from './SettingSelect.tsx';

const PROVIDERS: { value: 'builtin' | AiProviderName; label: string }[] = [
  { value: 'builtin', label: 'Built-in (offline)' },
  { value: 'openai', label: 'OpenAI-compatible API' },
  { value: 'ollama', label: 'Ollama on the LAN' },
  { value: 'sd-webui', label: 'Stable Diffusion WebUI' },
];
const REMOTE: { name: AiProviderName; label: string }[] = [
  { name: 'openai', label: 'OpenAI-compatible' },
  { name: 'ollama', label: 'Ollama' },
  { name: 'sd-webui', label: 'Stable Diffusion WebUI' },
];

function ProviderTest({ provider }: { provider: AiProviderName }) {
  const result = useSettings((s) => s.providerTests[provider]);
  const test = useSettings((s) => s.testProvider);
  return (
    <div className="row">
      <button onClick={() => test(provider)} disabled={result === 'running'}>{result === 'running' ? 'Testing…' : 'Test connection'}</button>
      {result && result !== 'running' && <span className={`small ${result.ok ? '' : 'field-error'}`} role="status">{result.ok ? '✓ ' : ''}{result.message}</span>}
    </div>
  );
}

/** Who rates photos and who makes art variants, and how to reach the remote ones (those in use open). */
export function AiProviders() {
  const classifier = useSettings((s) => s.settings['ai.classify.provider']?.value);
  const artist = useSettings((s) => s.settings['ai.variants.provider']?.value);
  const inUse = [classifier, artist];
  return (
    <Section title="AI providers">
      <div className="stack">
        <div className="fields">
          <SettingSelect settingKey="ai.classify.provider" label="Rates photos" options={PROVIDERS.filter((p) => p.value !== 'sd-webui')} />
          <SettingSelect settingKey="ai.variants.provider" label="Makes art variants" options={PROVIDERS.filter((p) => p.value !== 'ollama')} />
        </div>
        {REMOTE.map(({ name, label }) => (
          <details key={name} className="provider" open={inUse.includes(name)}>
            <summary>{label}{inUse.includes(name) && <span className="badge accent">in use</span>}</summary>
            <div className="fields">
              <SettingInput settingKey={`ai.${name}.base_url`} label="Address" />
              <SettingInput settingKey={`ai.${name}.model`} label="Model" />
              <SettingInput settingKey={`ai.${name}.api_key`} label="API key" />
            </div>
            <ProviderTest provider={name} />
          </details>
        ))}
      </div>
    </Section>
  );
}

import { useEffect, useState } from 'react';
import type { FrameInstallDto } from '../../contract/admin.ts';
import { client } from '../api/client.ts';
import { Section } from '../components/common/Section.tsx';
import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { useToasts } from '../stores/toast-store.ts';
import './add-frame.css';

/** "Add a frame": the one command to paste on a Pi (and its QR code), the fingerprint to compare, the panel guide. */
export function AddFrameView() {
  const [info, setInfo] = useState<FrameInstallDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client().call('frameProgram.installInfo', {}).then(setInfo, (err: Error) => setError(err.message));
  }, []);
  const base = info?.httpPort ? `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.httpPort}` : null;
  const copy = (text: string) =>
    navigator.clipboard.writeText(text).then(() => useToasts.getState().show('Copied'), () => useToasts.getState().show('Select the command and copy it by hand', 'error'));

  return (
    <>
      <ViewHeader title="Add a frame" subtitle="A Raspberry Pi with an Inky Impression or a Waveshare e-Paper HAT, in five minutes" />
      {error && <p className="field-error" role="alert">{error}</p>}
      {info && (
        <div className="add-frame">
          <Section title="1. Prepare the Pi">
            <p>
              Flash <strong>Raspberry Pi OS Lite (64-bit)</strong> with Raspberry Pi Imager (set Wi-Fi, a user and SSH in its settings),
              attach the panel and log in over SSH. Which panels and which Pi: {base
                ? <a href={`${base}${info.panelGuideUrl}`} target="_blank" rel="noreferrer" data-testid="panel-guide">the panel guide</a>
                : 'the panel guide in the README'}.
            </p>
            {info.panelGuide && (
              <details className="panel-guide">
                <summary>Show the panel guide here</summary>
                <pre data-testid="panel-guide-text">{info.panelGuide}</pre>
              </details>
            )}
          </Section>
          <Section title="2. Paste this on the Pi">
            {info.command ? (
              <>
                <div className="install-command row">
                  <code data-testid="install-command">{info.command}</code>
                  <button onClick={() => copy(info.command!)}>Copy</button>
                </div>
                {info.qrSvg && <img className="install-qr" data-testid="install-qr" alt="The same command as a QR code" src={`data:image/svg+xml;utf8,${encodeURIComponent(info.qrSvg)}`} />}
                <p className="small muted">
                  It installs the frame program {info.frameVersion} from this server and sets it up to talk to this server only, with no
                  discovery needed. Another panel than the one it detects: add <code>-s -- --backend waveshare:epd7in3f</code> (see the
                  guide) after <code>sudo sh</code>. Running it again upgrades the frame in place.
                </p>
                {info.otherAddresses.length > 0 && (
                  <p className="small muted">Not reachable from the Pi at {info.address}? This computer also has {info.otherAddresses.join(', ')}: use one of those in the command.</p>
                )}
              </>
            ) : (
              <p className="field-error" role="alert">{info.problem}</p>
            )}
          </Section>
          <Section title="3. Compare the fingerprint">
            <p className="small">The installer prints the certificate it will trust; it must be this one:</p>
            <code className="fingerprint" data-testid="fingerprint">{info.fingerprint ?? '—'}</code>
          </Section>
          <Section title="4. Approve it">
            <p>Its pairing picture shows a name and a code; approve it under <strong>Displays</strong> when it appears there.</p>
          </Section>
        </div>
      )}
    </>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { PanelImagePreviewArgs, PictureSettingsDto } from '../../../contract/admin.ts';
import { client } from '../../api/client.ts';
import { dataUrl } from '../../lib/data-url.ts';
import { tryCall } from '../../stores/server-errors.ts';

/** How long the settings must rest before a new preview is asked for (a slider sends many changes). */
const SETTLE_MS = 200;

export type PreviewTarget = { displayId: number } | { profileId: string };

/**
 * A photo as the panel will show it: the real panel image in the panel's measured colours, redrawn
 * as the picture settings change. Only the newest answer is shown; an older one arriving late is dropped.
 */
export function PanelImagePreview({ photoId, target, settings }: { photoId: number | null; target: PreviewTarget; settings: PictureSettingsDto }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const latest = useRef(0);
  const key = JSON.stringify([photoId, target, settings]);

  useEffect(() => {
    if (photoId === null) return;
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      setBusy(true);
      const args: PanelImagePreviewArgs = { photoId, ...target, settings };
      const preview = await tryCall(() => client().call('panelImages.preview', args));
      if (request !== latest.current) return;
      if (preview.ok) setSrc(dataUrl(preview.value.mime, preview.value.dataBase64));
      setError(preview.ok ? null : preview.message);
      setBusy(false);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // `key` stands for photoId, target and settings by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (photoId === null) return <p className="muted small">Add a photo to see how it looks on this panel.</p>;
  return (
    <figure className="panel-image-preview" data-testid="panel-image-preview" aria-busy={busy}>
      {src && <img src={src} alt="How the photo looks on the panel" />}
      <figcaption className="muted small">{error ? <span role="alert">{error}</span> : busy ? 'Drawing…' : 'In the panel’s own colours'}</figcaption>
    </figure>
  );
}

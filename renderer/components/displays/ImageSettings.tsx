import { useState } from 'react';
import type { DisplayDto, PictureSettingsDto } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';
import { FramePreview } from '../frames/FramePreview.tsx';
import { PhotoChoice } from '../frames/PhotoChoice.tsx';
import { PictureControls, completeSettings } from '../frames/PictureControls.tsx';

/** How photos are prepared for this panel: dithering and picture adjustments, tried live on a photo. */
export function ImageSettings({ display }: { display: DisplayDto }) {
  const update = useDisplays((s) => s.update);
  const [draft, setDraft] = useState<PictureSettingsDto>(completeSettings(display.pictureSettings));
  const [photoId, setPhotoId] = useState<number | null>(null);

  return (
    <Section title="Picture" actions={<button className="primary" onClick={() => update(display.id, { pictureSettings: { ...draft } })}>Save picture settings</button>}>
      <PictureControls value={draft} onChange={setDraft} />
      <PhotoChoice value={photoId} onChange={setPhotoId} />
      <FramePreview photoId={photoId} target={{ displayId: display.id }} settings={draft} />
    </Section>
  );
}

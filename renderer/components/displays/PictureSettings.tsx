import { useState } from 'react';
import type { DisplayDto, PictureSettingsDto } from '../../../contract/admin.ts';
import { useDisplays } from '../../stores/displays-store.ts';
import { Section } from '../common/Section.tsx';
import { PanelImagePreview } from '../panel-images/PanelImagePreview.tsx';
import { PhotoChoice } from '../panel-images/PhotoChoice.tsx';
import { PictureSettingsControls, completePictureSettings } from '../panel-images/PictureSettingsControls.tsx';

/** How photos are prepared for this panel (its picture settings: dithering and adjustments), tried live on a photo. */
export function PictureSettings({ display }: { display: DisplayDto }) {
  const update = useDisplays((s) => s.update);
  const [draft, setDraft] = useState<PictureSettingsDto>(completePictureSettings(display.pictureSettings));
  const [photoId, setPhotoId] = useState<number | null>(null);

  return (
    <Section title="Picture" actions={<button className="primary" onClick={() => update(display.id, { pictureSettings: { ...draft } })}>Save picture settings</button>}>
      <PictureSettingsControls value={draft} onChange={setDraft} />
      <PhotoChoice value={photoId} onChange={setPhotoId} />
      <PanelImagePreview photoId={photoId} target={{ displayId: display.id }} settings={draft} />
    </Section>
  );
}

import type { PhotoDto } from '../../../contract/admin.ts';
import { dateTime } from '../../lib/format.ts';
import { qualityLabel } from '../../lib/options.ts';
import { usePhotos } from '../../stores/photos-store.ts';
import { Drawer } from '../common/Drawer.tsx';
import { Section } from '../common/Section.tsx';
import { PhotoOnPanel } from '../panel-images/PhotoOnPanel.tsx';
import { VariantList } from './VariantList.tsx';

export function PhotoDetail({ photo, onClose }: { photo: PhotoDto; onClose: () => void }) {
  const thumb = usePhotos((s) => s.thumbs[photo.id]);
  const { setFavourite, setHidden, remove } = usePhotos.getState();
  const del = async () => {
    if (!window.confirm(`Delete ${photo.originalName} and its variants?`)) return;
    await remove(photo.id);
    onClose();
  };

  return (
    <Drawer title={photo.originalName} subtitle={`${photo.width}×${photo.height} ${photo.format.toUpperCase()} · added ${dateTime(photo.importedAt)}`} onClose={onClose}>
      {thumb && <img className="detail-thumb" src={thumb} alt={photo.originalName} />}
      <div className="row">
        <button className="toggle" aria-pressed={photo.favourite} onClick={() => setFavourite(photo.id, !photo.favourite)}>★ Favourite</button>
        <button className="toggle" aria-pressed={photo.hidden} onClick={() => setHidden(photo.id, !photo.hidden)}>{photo.hidden ? 'Hidden from displays' : 'Hide from displays'}</button>
        <button className="danger" onClick={del}>Delete</button>
      </div>
      <div className="card">
        <Section title="What Inkstand sees">
          {photo.classifiedAt ? (
            <dl className="facts">
              <dt>Quality</dt><dd>{photo.quality ? qualityLabel(photo.quality) : '—'}</dd>
              <dt>Content</dt><dd>{photo.contentType ?? '—'}</dd>
              <dt>Orientation</dt><dd>{photo.orientation ?? '—'}</dd>
              <dt>People</dt><dd>{photo.peopleCount ?? '—'}</dd>
              {photo.description && <><dt>Description</dt><dd>{photo.description}</dd></>}
            </dl>
          ) : <p className="muted small">Not classified yet: the “classify” job rates quality and content.</p>}
        </Section>
        <Section title="Variants"><VariantList photoId={photo.id} /></Section>
      </div>
      <div className="card"><PhotoOnPanel photoId={photo.id} /></div>
    </Drawer>
  );
}

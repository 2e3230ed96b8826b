import { useState } from 'react';
import { EmptyState } from '../components/common/EmptyState.tsx';
import { ViewHeader } from '../components/common/ViewHeader.tsx';
import { PhotoDetail } from '../components/photos/PhotoDetail.tsx';
import { PhotoFilters } from '../components/photos/PhotoFilters.tsx';
import { PhotoTile } from '../components/photos/PhotoTile.tsx';
import { UploadList } from '../components/photos/UploadList.tsx';
import { UploadZone } from '../components/photos/UploadZone.tsx';
import { usePhotos } from '../stores/photos-store.ts';
import './photos.css';

export function PhotosView() {
  const photos = usePhotos((s) => s.photos);
  const total = usePhotos((s) => s.total);
  const loaded = usePhotos((s) => s.loaded);
  const filtered = usePhotos((s) => Object.values(s.filter).some((v) => v !== undefined));
  const [openId, setOpenId] = useState<number | null>(null);
  const open = photos.find((p) => p.id === openId);

  return (
    <>
      <ViewHeader title="Photos" subtitle={loaded ? `${total} photo${total === 1 ? '' : 's'}${filtered ? ' match' : ' in the library'}` : undefined} />
      <div className="stack">
        <UploadZone compact={photos.length > 0 || filtered} />
        <UploadList />
        {(photos.length > 0 || filtered) && <PhotoFilters />}
        {loaded && photos.length === 0 && !filtered && (
          <EmptyState title="No photos yet">
            Drop photos above, or choose them from a folder. Inkstand keeps the originals, rates them, and makes art variants for your frames.
          </EmptyState>
        )}
        {loaded && photos.length === 0 && filtered && <p className="muted">No photos match these filters.</p>}
        <div className="photo-grid">
          {photos.map((p) => <PhotoTile key={p.id} photo={p} onOpen={() => setOpenId(p.id)} />)}
        </div>
        {photos.length < total && <p className="muted small">Showing the newest {photos.length} of {total}.</p>}
      </div>
      {open && <PhotoDetail key={open.id} photo={open} onClose={() => setOpenId(null)} />}
    </>
  );
}

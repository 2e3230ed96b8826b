import { useEffect, useRef } from 'react';
import type { PhotoDto } from '../../../contract/admin.ts';
import { qualityLabel } from '../../lib/options.ts';
import { usePhotos } from '../../stores/photos-store.ts';

/** One photo in the grid; its thumbnail is fetched when it scrolls into view. */
export function PhotoTile({ photo, onOpen }: { photo: PhotoDto; onOpen: () => void }) {
  const thumb = usePhotos((s) => s.thumbs[photo.id]);
  const { loadThumb, setFavourite } = usePhotos.getState();
  const ref = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (thumb || !element) return;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry.isIntersecting) {
        void loadThumb(photo.id);
        observer.disconnect();
      }
    }, { rootMargin: '300px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [thumb, photo.id, loadThumb]);

  return (
    <figure className={`photo-tile ${photo.hidden ? 'hidden-photo' : ''}`} data-testid="photo-tile">
      <button ref={ref} className="photo-thumb" onClick={onOpen} aria-label={`Open ${photo.originalName}`}>
        {thumb ? <img src={thumb} alt={photo.originalName} loading="lazy" /> : <span className="thumb-placeholder" />}
      </button>
      <figcaption>
        <span className="photo-name" title={photo.originalName}>{photo.originalName}</span>
        <button
          className={`quiet star ${photo.favourite ? 'on' : ''}`}
          aria-label={photo.favourite ? 'Unmark favourite' : 'Mark favourite'}
          aria-pressed={photo.favourite}
          onClick={() => setFavourite(photo.id, !photo.favourite)}
        >★</button>
      </figcaption>
      <div className="photo-tags">
        {photo.quality && <span className="badge">{qualityLabel(photo.quality)}</span>}
        {photo.contentType && <span className="badge">{photo.contentType}</span>}
        {photo.styles.length > 1 && <span className="badge accent">{photo.styles.length - 1} art</span>}
        {photo.hidden && <span className="badge warn">Hidden</span>}
      </div>
    </figure>
  );
}

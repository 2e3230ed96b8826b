import { useEffect, useState } from 'react';
import type { PhotoDto } from '../../../contract/admin.ts';
import { client } from '../../api/client.ts';
import { attempt } from '../../stores/server-errors.ts';
import { Field } from '../common/Field.tsx';

/** Picks one of the library's photos to preview with; the first is chosen until the user picks. */
export function PhotoChoice({ value, onChange }: { value: number | null; onChange: (photoId: number | null) => void }) {
  const [photos, setPhotos] = useState<PhotoDto[]>([]);

  useEffect(() => {
    let live = true;
    void attempt(() => client().call('photos.list', { limit: 200 })).then((page) => {
      if (!live || !page) return;
      setPhotos(page.photos);
      if (value === null && page.photos.length > 0) onChange(page.photos[0].id);
    });
    return () => {
      live = false;
    };
    // Loaded once; the parent keeps the choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Field label="Preview with photo">
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} disabled={photos.length === 0}>
        {photos.length === 0 && <option value="">No photos yet</option>}
        {photos.map((p) => <option key={p.id} value={p.id}>{p.originalName}</option>)}
      </select>
    </Field>
  );
}

import { useRef, useState, type DragEvent } from 'react';
import { useUploads } from '../../stores/uploads-store.ts';

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,image/avif,image/tiff,.heic,.heif';

/** Drop photos here, or pick them: many at once, each uploaded with its own progress. */
export function UploadZone({ compact = false }: { compact?: boolean }) {
  const add = useUploads((s) => s.add);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) void add(files);
  };

  return (
    <div
      className={`upload-zone ${over ? 'over' : ''} ${compact ? 'compact' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="upload-zone"
    >
      <p><strong>Drop photos here</strong> <span className="muted">JPEG, PNG, WebP, HEIC · up to 50 MB each</span></p>
      <button onClick={() => input.current?.click()}>Choose photos…</button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="photo-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void add(files);
        }}
      />
    </div>
  );
}

import { CONTENT_TYPES, QUALITIES, qualityLabel } from '../../lib/options.ts';
import { usePhotos } from '../../stores/photos-store.ts';
import { useVariants } from '../../stores/variants-store.ts';

export function PhotoFilters() {
  const filter = usePhotos((s) => s.filter);
  const setFilter = usePhotos((s) => s.setFilter);
  const styles = useVariants((s) => s.styles);
  const pick = (value: string) => value || undefined;

  return (
    <div className="row filters" role="group" aria-label="Filters">
      <select aria-label="Quality" value={filter.quality ?? ''} onChange={(e) => setFilter({ quality: pick(e.target.value) })}>
        <option value="">Any quality</option>
        {QUALITIES.map((q) => <option key={q} value={q}>{qualityLabel(q)}</option>)}
      </select>
      <select aria-label="Content" value={filter.contentType ?? ''} onChange={(e) => setFilter({ contentType: pick(e.target.value) })}>
        <option value="">Any content</option>
        {CONTENT_TYPES.map((c) => <option key={c}>{c}</option>)}
      </select>
      <select aria-label="Style" value={filter.style ?? ''} onChange={(e) => setFilter({ style: pick(e.target.value) })}>
        <option value="">Any style</option>
        {styles.map((s) => <option key={s.name} value={s.name}>{s.label}</option>)}
      </select>
      <button className="toggle" aria-pressed={Boolean(filter.favourite)} onClick={() => setFilter({ favourite: !filter.favourite || undefined })}>★ Favourites</button>
      <button className="toggle" aria-pressed={Boolean(filter.includeHidden)} onClick={() => setFilter({ includeHidden: !filter.includeHidden || undefined })}>Show hidden</button>
    </div>
  );
}

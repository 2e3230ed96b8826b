import { useEffect } from 'react';
import type { VariantDto } from '../../../contract/admin.ts';
import { dateTime } from '../../lib/format.ts';
import { useVariants } from '../../stores/variants-store.ts';

function VariantItem({ variant }: { variant: VariantDto }) {
  const thumb = useVariants((s) => s.thumbs[variant.id]);
  const label = useVariants((s) => s.styles.find((st) => st.name === variant.style)?.label ?? variant.style);
  const { loadThumb, setFavourite } = useVariants.getState();
  useEffect(() => {
    void loadThumb(variant.id);
  }, [variant.id, loadThumb]);

  return (
    <li className="variant" data-testid="variant">
      <div className="variant-thumb">{thumb ? <img src={thumb} alt={`${label} variant`} /> : <span className="thumb-placeholder" />}</div>
      <div className="spread">
        <div>
          <strong>{label}</strong>
          <p className="small muted">{variant.provider} · {dateTime(variant.createdAt)}{variant.dislikes > 0 && ` · ${variant.dislikes} dislikes`}</p>
        </div>
        <button className={`quiet star ${variant.favourite ? 'on' : ''}`} aria-pressed={variant.favourite} aria-label="Favourite variant" onClick={() => setFavourite(variant, !variant.favourite)}>★</button>
      </div>
    </li>
  );
}

/** The plain photo and its art variants: what the displays choose from. */
export function VariantList({ photoId }: { photoId: number }) {
  const variants = useVariants((s) => s.byPhoto[photoId]);
  const loadFor = useVariants((s) => s.loadFor);
  useEffect(() => {
    void loadFor(photoId);
  }, [photoId, loadFor]);

  if (!variants) return <p className="muted small">Loading variants…</p>;
  return (
    <>
      <ul className="variant-list">{variants.map((v) => <VariantItem key={v.id} variant={v} />)}</ul>
      {variants.length === 1 && <p className="muted small">No art variants yet: the “generate_variants” job makes them (Jobs → Run now).</p>}
    </>
  );
}

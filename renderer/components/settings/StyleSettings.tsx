import { useVariants } from '../../stores/variants-store.ts';
import { Section } from '../common/Section.tsx';

/** Which art styles the variants job may use, and how often each is drawn. */
export function StyleSettings() {
  const styles = useVariants((s) => s.styles);
  const updateStyle = useVariants((s) => s.updateStyle);
  return (
    <Section title="Art styles">
      {styles.length === 0 && <p className="muted small">No styles are available.</p>}
      <ul className="style-list">
        {styles.map((style) => (
          <li key={style.name}>
            <label className="row">
              <input type="checkbox" checked={style.enabled} onChange={(e) => updateStyle(style.name, { enabled: e.target.checked })} />
              <strong>{style.label}</strong>
            </label>
            <p className="small muted">{style.description}</p>
            <label className="row small muted">
              Weight
              <input type="range" min={0} max={1} step={0.05} value={style.score} disabled={!style.enabled}
                onChange={(e) => updateStyle(style.name, { score: Number(e.target.value) })} aria-label={`${style.label} weight`} />
              {style.score.toFixed(2)}
            </label>
          </li>
        ))}
      </ul>
    </Section>
  );
}

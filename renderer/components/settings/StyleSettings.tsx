import { useVariants } from '../../stores/variants-store.ts';
import { Section } from '../common/Section.tsx';

/** Which art styles the variants job may use, and how often each is drawn. */
export function StyleSettings() {
  const styles = useVariants((s) => s.styles);
  const updateStyle = useVariants((s) => s.updateStyle);
  return (
    <Section title="Art styles">
      <p className="small muted">Switched-off styles are not made or shown. The weight sets how often a style is drawn.</p>
      <ul className="style-list">
        {styles.map((style) => (
          <li key={style.name} title={style.description}>
            <label className="row style-name">
              <input type="checkbox" checked={style.enabled} onChange={(e) => updateStyle(style.name, { enabled: e.target.checked })} />
              {style.label}
            </label>
            <input type="range" min={0} max={1} step={0.05} value={style.score} disabled={!style.enabled}
              onChange={(e) => updateStyle(style.name, { score: Number(e.target.value) })} aria-label={`${style.label} weight`} />
            <span className="small muted">{style.score.toFixed(2)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

import { timeAgo } from '../../lib/format.ts';
import { useDashboard } from '../../stores/dashboard-store.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { Section } from '../common/Section.tsx';
import { LocationSearch } from './LocationSearch.tsx';

export function WeatherPanel() {
  const weather = useDashboard((s) => s.weather);
  const place = useSettings((s) => s.settings['weather.location_name']?.value);
  const latitude = useSettings((s) => s.settings['weather.latitude']?.value);
  const longitude = useSettings((s) => s.settings['weather.longitude']?.value);

  return (
    <Section title="Weather">
      <div className="stack">
        {latitude
          ? <p>Location: <strong>{place || `${latitude}, ${longitude}`}</strong></p>
          : <p className="muted">No location yet: search your town so the dashboard can show its weather.</p>}
        {weather && (
          <div className="weather-days">
            {weather.days.slice(0, 5).map((d) => (
              <div key={d.date} className="weather-day">
                <span className="small muted">{new Date(`${d.date}T12:00:00`).toLocaleDateString([], { weekday: 'short' })}</span>
                <strong>{Math.round(d.maxC)}°</strong>
                <span className="small muted">{Math.round(d.minC)}°{d.precipitationProbabilityPct !== null && ` · ${d.precipitationProbabilityPct}%`}</span>
              </div>
            ))}
          </div>
        )}
        {weather && <p className="small muted">{weather.locationName} · fetched {timeAgo(weather.fetchedAt)}</p>}
        <LocationSearch />
      </div>
    </Section>
  );
}

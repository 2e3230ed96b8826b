import { useState, type FormEvent } from 'react';
import type { LocationDto } from '../../../contract/admin.ts';
import { useDashboard } from '../../stores/dashboard-store.ts';
import { useJobs } from '../../stores/jobs-store.ts';
import { toastProblem } from '../../stores/server-errors.ts';
import { useSettings } from '../../stores/settings-store.ts';
import { useToasts } from '../../stores/toast-store.ts';

/** Finds a place by name and makes it the weather location, then fetches its weather. */
export function LocationSearch() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<LocationDto[] | null>(null);
  const [busy, setBusy] = useState(false);
  const search = useDashboard((s) => s.searchLocations);

  const onSearch = async (e: FormEvent) => {
    e.preventDefault();
    if (!query.trim()) return;
    setBusy(true);
    setResults(await search(query.trim()));
    setBusy(false);
  };
  const choose = async (place: LocationDto) => {
    const { save } = useSettings.getState();
    for (const [key, value] of [['weather.latitude', place.latitude], ['weather.longitude', place.longitude], ['weather.location_name', place.name]] as const) {
      const problem = await save(key, String(value));
      if (problem) return toastProblem(problem);
    }
    setResults(null);
    setQuery('');
    const weatherJob = useJobs.getState().jobs.find((j) => j.kind === 'get_weather');
    if (weatherJob) await useJobs.getState().run(weatherJob.name);
    useToasts.getState().show(`Weather location: ${place.name}${weatherJob ? ' — fetching the forecast' : ''}`);
    await useDashboard.getState().load();
  };

  return (
    <div className="stack">
      <form className="row" onSubmit={onSearch}>
        <input aria-label="Search a place" placeholder="Search a town or city" value={query} onChange={(e) => setQuery(e.target.value)} style={{ flex: 1 }} />
        <button type="submit" disabled={busy}>{busy ? 'Searching…' : 'Search'}</button>
      </form>
      {results && results.length === 0 && <p className="muted small">No place found with that name.</p>}
      {results && results.length > 0 && (
        <ul className="choice-list">
          {results.map((place) => (
            <li key={`${place.latitude},${place.longitude}`}>
              <button className="choice" onClick={() => choose(place)}>
                <strong>{place.name}</strong> <span className="muted small">{place.detail} · {place.latitude.toFixed(2)}, {place.longitude.toFixed(2)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

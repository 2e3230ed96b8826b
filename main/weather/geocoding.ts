import { z } from 'zod';
import type { StoreContext } from '../core/app-context.ts';
import { describeUrl, fetchJson } from '../jobs/http.ts';
import { readWeatherConfig } from './config.ts';
import { ProviderAnswerError, describeBadShape } from './provider-errors.ts';

const SERVICE = 'Open-Meteo geocoding';

const SEARCH = z.object({
  results: z.array(z.object({
    name: z.string(),
    latitude: z.number(),
    longitude: z.number(),
    country: z.string().optional(),
    country_code: z.string().optional(),
    admin1: z.string().optional(),
    timezone: z.string().optional(),
    population: z.number().optional(),
  })).optional(),
});

export interface LocationMatch {
  name: string;
  /** "Berlin, Land Berlin, Germany": what the settings UI lists. */
  label: string;
  latitude: number;
  longitude: number;
  country: string | null;
  countryCode: string | null;
  region: string | null;
  timeZone: string | null;
}

export interface SearchOptions {
  count?: number;
  language?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** Places matching a name, for picking the weather location in the settings UI (Open-Meteo's geocoding API, `weather.geocoding_url`). */
export async function searchLocations(app: StoreContext, query: string, options: SearchOptions = {}): Promise<LocationMatch[]> {
  const name = query.trim();
  if (name.length < 2) return [];
  const { geocodingUrl } = await readWeatherConfig(app.settings);
  const url = new URL(`${geocodingUrl}/v1/search`);
  url.search = new URLSearchParams({ name, count: String(options.count ?? 10), language: options.language ?? 'en', format: 'json' }).toString();
  const { status, body } = await fetchJson(url.toString(), { service: SERVICE, timeoutMs: options.timeoutMs ?? 10_000, maxBytes: 500_000, signal: options.signal });
  if (status !== 200) {
    const reason = (body as { reason?: unknown })?.reason;
    throw new ProviderAnswerError(`${SERVICE} refused the search (${status} from ${describeUrl(url.toString())})${typeof reason === 'string' ? `: ${reason}` : ''}`);
  }
  const parsed = SEARCH.safeParse(body);
  if (!parsed.success) throw describeBadShape(SERVICE, 'a list of places', parsed.error);
  return (parsed.data.results ?? []).map((place) => ({
    name: place.name,
    label: [place.name, place.admin1, place.country].filter(Boolean).join(', '),
    latitude: place.latitude,
    longitude: place.longitude,
    country: place.country ?? null,
    countryCode: place.country_code ?? null,
    region: place.admin1 ?? null,
    timeZone: place.timezone ?? null,
  }));
}

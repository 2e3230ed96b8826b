/** Plain shapes the control UI's operations return (photos, styles, weather, calendars, providers, system). */

export interface PhotoDto {
  id: number;
  originalName: string;
  width: number;
  height: number;
  format: string;
  importedAt: string;
  favourite: boolean;
  hidden: boolean;
  dislikes: number;
  quality: string | null;
  contentType: string | null;
  orientation: string | null;
  peopleCount: number | null;
  description: string | null;
  classifiedAt: string | null;
  /** The styles this photo has variants in ("photo" is the plain one). */
  styles: string[];
}

export interface PhotoFilter {
  quality?: string;
  contentType?: string;
  style?: string;
  /** Only favourites. */
  favourite?: boolean;
  /** Hidden photos are left out unless asked for. */
  includeHidden?: boolean;
  limit?: number;
  offset?: number;
}

export interface PhotoPage {
  photos: PhotoDto[];
  total: number;
}

export interface VariantDto {
  id: number;
  photoId: number;
  style: string;
  provider: string;
  createdAt: string;
  favourite: boolean;
  dislikes: number;
  score: number | null;
}

/** A small picture carried inside JSON (thumbnails), so IPC and HTTP answer it the same way. */
export interface ImageDto {
  mime: string;
  dataBase64: string;
}

export interface StyleDto {
  name: string;
  label: string;
  description: string;
  contentTypes: string[];
  enabled: boolean;
  score: number;
  catalogueScore: number;
}

export interface LocationDto {
  name: string;
  /** Region and country, for telling places of the same name apart. */
  detail: string;
  latitude: number;
  longitude: number;
  timeZone: string | null;
}

export interface WeatherSummaryDto {
  locationName: string;
  fetchedAt: string;
  temperatureC: number | null;
  weatherCode: number | null;
  days: { date: string; minC: number; maxC: number; weatherCode: number; precipitationProbabilityPct: number | null }[];
}

export interface CalendarDto {
  id: number;
  name: string;
  url: string;
  color: string;
  enabled: boolean;
  lastFetchedAt: string | null;
  lastError: string | null;
  upcomingEvents: number;
}

export type AiProviderName = 'openai' | 'ollama' | 'sd-webui';

export interface ProviderTestDto {
  ok: boolean;
  message: string;
}

export interface SystemInfoDto {
  version: string;
  serverName: string;
  dataDir: string;
  /** The listeners of the running server, or null when this process did not publish them. */
  listeners: { http: string; https: string; discovery: string | null } | null;
}

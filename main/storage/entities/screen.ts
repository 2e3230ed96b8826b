import { EntitySchema } from 'typeorm';
import { TIMESTAMP } from '../column-types.ts';

/** A plugin instance: a built-in plugin or an imported TRMNL recipe, whose files live in `screens/<uuid>/` in the data dir. */
export interface ScreenRow {
  id: number;
  /** Names the screen's folder and its webhook URL; unguessable, since the webhook needs no token. */
  uuid: string;
  name: string;
  builtinId: string | null;
  strategy: string;
  refreshMinutes: number;
  /** JSON object: the user's custom field values. */
  fieldValues: string;
  /** The user's replacement for the recipe's polling_url, or null. */
  pollingUrl: string | null;
  /** JSON: the last good merge variables (polled, pushed or static). */
  data: string | null;
  dataFetchedAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
  createdAt: Date;
}

export const ScreenEntity = new EntitySchema<ScreenRow>({
  name: 'Screen',
  tableName: 'screens',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    uuid: { type: 'varchar', length: 36, unique: true },
    name: { type: 'varchar', length: 100 },
    builtinId: { name: 'builtin_id', type: 'varchar', length: 64, nullable: true },
    strategy: { type: 'varchar', length: 10 },
    refreshMinutes: { name: 'refresh_minutes', type: 'integer' },
    fieldValues: { name: 'field_values', type: 'text' },
    pollingUrl: { name: 'polling_url', type: 'text', nullable: true },
    data: { type: 'text', nullable: true },
    dataFetchedAt: { name: 'data_fetched_at', type: TIMESTAMP, nullable: true },
    lastError: { name: 'last_error', type: 'text', nullable: true },
    lastErrorAt: { name: 'last_error_at', type: TIMESTAMP, nullable: true },
    createdAt: { name: 'created_at', type: TIMESTAMP },
  },
});

/** 2–4 screens on one panel in one of the mashup layouts. */
export interface MashupRow {
  id: number;
  name: string;
  layout: string;
  /** JSON array of screen ids, in the layout's reading order. */
  screenIds: string;
}

export const MashupEntity = new EntitySchema<MashupRow>({
  name: 'Mashup',
  tableName: 'mashups',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    layout: { type: 'varchar', length: 8 },
    screenIds: { name: 'screen_ids', type: 'text' },
  },
});

/** Photos, the dashboard, screens and mashups in turn, each for its own time. */
export interface PlaylistRow {
  id: number;
  name: string;
  /** JSON array of { kind, itemId, durationS }. */
  items: string;
}

export const PlaylistEntity = new EntitySchema<PlaylistRow>({
  name: 'Playlist',
  tableName: 'playlists',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    items: { type: 'text' },
  },
});

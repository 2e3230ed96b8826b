/**
 * Screens, mashups and playlists (DESIGN.md §12): the shapes the admin contract takes and returns,
 * and the zod schemas main validates them with (the store is the one place that does).
 */
import { z } from 'zod';

/** TRMNL's mashup layouts and the usual extensions, with how many screens each holds. */
export const MASHUP_SLOTS = { '1Lx1R': 2, '1Tx1B': 2, '2x2': 4, '1Lx2R': 3, '2Lx1R': 3, '1Tx2B': 3, '2Tx1B': 3 } as const;
export type MashupLayout = keyof typeof MASHUP_SLOTS;
export const MASHUP_LAYOUTS = Object.keys(MASHUP_SLOTS) as MashupLayout[];

/** The views a recipe draws itself in (its `*.liquid` files). */
export const SCREEN_VIEWS = ['full', 'half_horizontal', 'half_vertical', 'quadrant'] as const;
export type ScreenView = (typeof SCREEN_VIEWS)[number];

export const PLAYLIST_ITEM_KINDS = ['photo', 'dashboard', 'screen', 'mashup'] as const;
export type PlaylistItemKind = (typeof PLAYLIST_ITEM_KINDS)[number];

/** A value a user gives a custom field: text, a number, a switch, or the chosen options of a multi-select. */
export const fieldValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(1000)).max(100)]);
export type FieldValue = z.infer<typeof fieldValueSchema>;
export const fieldValuesSchema = z.record(z.string().min(1).max(100), fieldValueSchema);

/** TRMNL counts refresh intervals in minutes (from 1 minute to a day). */
export const refreshMinutesSchema = z.number().int().min(1).max(24 * 60);

export const screenPatchSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  refreshMinutes: refreshMinutesSchema.optional(),
  /** Replaces the recipe's `polling_url` (null: the recipe's own again). */
  pollingUrl: z.string().trim().min(1).max(4000).nullable().optional(),
  /** Merged into the stored values; a null removes one (its default applies again). */
  fieldValues: z.record(z.string().min(1).max(100), fieldValueSchema.nullable()).optional(),
}).strict();
export type ScreenPatch = z.infer<typeof screenPatchSchema>;

export const mashupInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  layout: z.enum(MASHUP_LAYOUTS as [MashupLayout, ...MashupLayout[]]),
  screenIds: z.array(z.number().int().positive()).min(2).max(4),
}).strict().refine((m) => m.screenIds.length === MASHUP_SLOTS[m.layout], {
  message: 'the layout takes a different number of screens (1Lx1R, 1Tx1B: 2; 1Lx2R, 2Lx1R, 1Tx2B, 2Tx1B: 3; 2x2: 4)',
  path: ['screenIds'],
});
export type MashupInput = z.infer<typeof mashupInputSchema>;

export const playlistItemSchema = z.object({
  kind: z.enum(PLAYLIST_ITEM_KINDS),
  /** The screen or mashup shown; null for photos and the dashboard. */
  itemId: z.number().int().positive().nullable().default(null),
  durationS: z.number().int().min(10).max(7 * 86400),
}).strict().refine((item) => (item.kind === 'screen' || item.kind === 'mashup') === (item.itemId !== null), {
  message: 'screens and mashups name their id; photos and the dashboard do not',
  path: ['itemId'],
});
export type PlaylistItem = z.infer<typeof playlistItemSchema>;

export const playlistInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  items: z.array(playlistItemSchema).min(1).max(100),
}).strict();
export type PlaylistInput = z.infer<typeof playlistInputSchema>;

/** One custom field of a screen's recipe, with the value it has now (the user's, else the recipe's default). */
export interface ScreenFieldDto {
  keyname: string;
  name: string;
  type: string;
  description: string | null;
  options: { label: string; value: string }[] | null;
  multiple: boolean;
  optional: boolean;
  value: FieldValue | null;
}

/** How a screen's markup is drawn: by the server itself, in a browser, or as a card saying what it needs. */
export interface DrawnByDto {
  engine: 'server' | 'browser' | 'card';
  reason: string;
}

export interface ScreenDto {
  id: number;
  uuid: string;
  name: string;
  /** A built-in plugin's id, or null for an imported recipe. */
  builtinId: string | null;
  strategy: 'polling' | 'webhook' | 'static';
  refreshMinutes: number;
  pollingUrl: string | null;
  /** For webhook recipes: where to POST (on this server's LAN address). */
  webhookUrl: string | null;
  fields: ScreenFieldDto[];
  /** The merge variables it draws with (truncated for the UI when large), or null before the first fetch. */
  data: unknown;
  dataTruncated: boolean;
  lastFetchedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  drawnBy: DrawnByDto;
  createdAt: string;
}

export interface MashupDto {
  id: number;
  name: string;
  layout: MashupLayout;
  screenIds: number[];
}

export interface PlaylistDto {
  id: number;
  name: string;
  items: PlaylistItem[];
}

export interface BuiltinPluginDto {
  id: string;
  name: string;
  description: string;
}

export interface ScreenPreviewArgs {
  /** A screen or a mashup. */
  screenId?: number;
  mashupId?: number;
  profileId: string;
  view?: ScreenView;
  /** Render as if the clock showed this instant. */
  at?: string;
}

export interface ScreenPreviewDto {
  mime: 'image/png';
  dataBase64: string;
  width: number;
  height: number;
  drawnBy: DrawnByDto;
}

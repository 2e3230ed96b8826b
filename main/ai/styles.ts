import fs from 'node:fs';
import { z } from 'zod';
import type { StoreContext } from '../core/app-context.ts';
import { resourcePath } from '../core/app-root.ts';
import { notifyPhotosChanged } from '../library/events.ts';
import { ArtStyleSettingEntity } from '../storage/entities/art-style.ts';
import { CONTENT_TYPES, type ContentType } from '../storage/entities/photo.ts';

const CATALOGUE_FILE = resourcePath('art-styles.json');

/** The plain photo, kept as it is: a style like the others so users can weigh photos against art. */
export const PHOTO_STYLE = 'photo';
const PHOTO_STYLE_SCORE = 0.8;
/** A variant whose style has left the catalogue keeps being shown, at a middling score. */
const UNKNOWN_STYLE_SCORE = 0.5;

const styleSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,64}$/),
  label: z.string().min(1),
  description: z.string().min(1),
  prompt: z.string().min(1),
  palette_hint: z.string().min(1),
  content_types: z.array(z.enum(CONTENT_TYPES)).min(1),
  score: z.number().min(0).max(1),
  builtin_filter: z.string().nullable(),
});
const catalogueSchema = z.object({ styles: z.array(styleSchema).min(1) });

export interface ArtStyle {
  name: string;
  label: string;
  description: string;
  prompt: string;
  paletteHint: string;
  contentTypes: ContentType[];
  /** The catalogue's score, before any user override. */
  catalogueScore: number;
  builtinFilter: string | null;
}

/** A catalogue style as the user has set it up. */
export interface StyleView extends ArtStyle {
  enabled: boolean;
  score: number;
}

const PHOTO_STYLE_ENTRY: ArtStyle = {
  name: PHOTO_STYLE, label: 'Photo', description: 'The photo as it is, without an art effect.', prompt: '', paletteHint: '',
  contentTypes: [...CONTENT_TYPES], catalogueScore: PHOTO_STYLE_SCORE, builtinFilter: null,
};

let catalogue: ArtStyle[] | null = null;

export function loadCatalogue(): ArtStyle[] {
  catalogue ??= catalogueSchema.parse(JSON.parse(fs.readFileSync(CATALOGUE_FILE, 'utf8'))).styles.map((s) => ({
    name: s.name, label: s.label, description: s.description, prompt: s.prompt, paletteHint: s.palette_hint,
    contentTypes: s.content_types, catalogueScore: s.score, builtinFilter: s.builtin_filter,
  }));
  return catalogue;
}

export function isCatalogueStyle(name: string): boolean {
  return loadCatalogue().some((s) => s.name === name);
}

/** Every catalogue style with the user's overrides applied: what generate_variants chooses from. */
export async function listArtStyles(app: StoreContext): Promise<StyleView[]> {
  const overrides = await loadOverrides(app);
  return loadCatalogue().map((style) => withOverride(style, overrides.get(style.name)));
}

/** For the settings screen: the plain photo first, then the art styles. */
export async function listStyles(app: StoreContext): Promise<StyleView[]> {
  const overrides = await loadOverrides(app);
  return [withOverride(PHOTO_STYLE_ENTRY, overrides.get(PHOTO_STYLE)), ...loadCatalogue().map((style) => withOverride(style, overrides.get(style.name)))];
}

/** style name → score used for selection; 0 for a disabled style (its variants are not drawn). */
export async function styleScores(app: StoreContext): Promise<(style: string) => number> {
  const scores = new Map((await listStyles(app)).map((s) => [s.name, s.enabled ? s.score : 0]));
  return (style) => scores.get(style) ?? UNKNOWN_STYLE_SCORE;
}

export class StyleError extends Error {}

/** Switches a style on or off, or rescores it (score null = back to the catalogue's). "photo" can be rescored too. */
export async function updateStyle(app: StoreContext, name: string, change: { enabled?: boolean; score?: number | null }): Promise<void> {
  if (name !== PHOTO_STYLE && !isCatalogueStyle(name)) throw new StyleError(`unknown art style "${name}"`);
  if (change.score != null && !(change.score >= 0 && change.score <= 1)) throw new StyleError('a style score is between 0 and 1');
  const repo = app.db.getRepository(ArtStyleSettingEntity);
  const current = await repo.findOneBy({ name });
  await repo.save({
    name,
    enabled: change.enabled ?? current?.enabled ?? true,
    score: change.score !== undefined ? change.score : current?.score ?? null,
  });
  notifyPhotosChanged(app);
}

function withOverride(style: ArtStyle, override: { enabled: boolean; score: number | null } | undefined): StyleView {
  return { ...style, enabled: override?.enabled ?? true, score: override?.score ?? style.catalogueScore };
}

async function loadOverrides(app: StoreContext): Promise<Map<string, { enabled: boolean; score: number | null }>> {
  const rows = await app.db.getRepository(ArtStyleSettingEntity).find();
  return new Map(rows.map((r) => [r.name, { enabled: Boolean(r.enabled), score: r.score }]));
}

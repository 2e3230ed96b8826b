import fs from 'node:fs';
import { z } from 'zod';
import type { StoreContext } from '../core/app-context.ts';
import { resourcePath } from '../core/app-root.ts';
import type { StyleOverride } from './art-style-store.ts';
import { CONTENT_TYPES, type ContentType } from '../../contract/dtos.ts';

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

/** A style the user can switch or rescore: a catalogue style or the plain photo. */
export function isStyleName(name: string): boolean {
  return name === PHOTO_STYLE || isCatalogueStyle(name);
}

/** Every catalogue style with the user's overrides applied: what generate_variants chooses from. */
export async function listArtStyles(app: Pick<StoreContext, 'artStyles'>): Promise<StyleView[]> {
  const overrides = await app.artStyles.overrides();
  return loadCatalogue().map((style) => withOverride(style, overrides.get(style.name)));
}

/** For the settings screen: the plain photo first, then the art styles. */
export async function listStyles(app: Pick<StoreContext, 'artStyles'>): Promise<StyleView[]> {
  const overrides = await app.artStyles.overrides();
  return [withOverride(PHOTO_STYLE_ENTRY, overrides.get(PHOTO_STYLE)), ...loadCatalogue().map((style) => withOverride(style, overrides.get(style.name)))];
}

/** style name → score used for selection; 0 for a disabled style (its variants are not drawn). */
export async function styleScores(app: Pick<StoreContext, 'artStyles'>): Promise<(style: string) => number> {
  const scores = new Map((await listStyles(app)).map((s) => [s.name, s.enabled ? s.score : 0]));
  return (style) => scores.get(style) ?? UNKNOWN_STYLE_SCORE;
}

function withOverride(style: ArtStyle, override: StyleOverride | undefined): StyleView {
  return { ...style, enabled: override?.enabled ?? true, score: override?.score ?? style.catalogueScore };
}

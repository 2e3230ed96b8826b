import { z } from 'zod';

/** HTTP query strings carry booleans as text. */
export const flagSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/** Which photos a list shows (admin `photos.list`); the PhotoFilter type is its input. */
export const photoFilterSchema = z.object({
  quality: z.string().max(32).optional(),
  contentType: z.string().max(32).optional(),
  style: z.string().max(64).optional(),
  /** Only favourites. */
  favourite: flagSchema.optional(),
  /** Hidden photos are left out unless asked for. */
  includeHidden: flagSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});

export const photoChangeSchema = z.object({ favourite: flagSchema.optional(), hidden: flagSchema.optional() });

/** A user's change to one art style (admin `styles.update`): switched on or off, or rescored (null: back to the catalogue's score). */
export const styleChangeSchema = z.object({
  enabled: flagSchema.optional(),
  score: z.coerce.number().min(0, 'a style score is between 0 and 1').max(1, 'a style score is between 0 and 1').nullable().optional(),
});
